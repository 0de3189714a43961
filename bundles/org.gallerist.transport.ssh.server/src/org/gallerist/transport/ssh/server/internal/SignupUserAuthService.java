package org.gallerist.transport.ssh.server.internal;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.Service;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.server.session.ServerUserAuthService;
import org.apache.sshd.server.session.ServerUserAuthServiceFactory;

/**
 * Lets the {@code signup} login in with the SSH {@code none} method, i.e. with no credentials at all, which is the
 * only method OpenSSH tries in {@code BatchMode} when it has no key. Mina always fails {@code none}, so such a
 * request is handed on as an empty password request, flagged on the session so that only this path lets
 * {@code signup} in ({@link AccountAuthenticator} checks the flag). Every other request is untouched. With sign-up
 * switched off the request is not handed on: the {@code signup} login then cannot authenticate at all.
 */
final class SignupUserAuthService extends ServerUserAuthService {

    /** Set while a {@code none} request of the {@code signup} login is being authenticated. */
    static final AttributeKey<Boolean> SIGNUP_WITHOUT_CREDENTIALS = new AttributeKey<>();

    static final class Factory extends ServerUserAuthServiceFactory {
        private final boolean signupEnabled;

        Factory(boolean signupEnabled) {
            this.signupEnabled = signupEnabled;
        }

        @Override
        public Service create(Session session) throws IOException {
            return new SignupUserAuthService(session, signupEnabled);
        }
    }

    private final boolean signupEnabled;

    SignupUserAuthService(Session session, boolean signupEnabled) throws IOException {
        super(session);
        this.signupEnabled = signupEnabled;
    }

    @Override
    protected boolean handleUserAuthRequestMessage(ServerSession session, Buffer buffer,
            AtomicReference<Boolean> authHolder) throws Exception {
        int start = buffer.rpos();
        String username = buffer.getString();
        String service = buffer.getString();
        String method = buffer.getString();
        buffer.rpos(start);
        if (!signupEnabled || !"none".equals(method) || !SignupCommand.LOGIN.equals(username)) {
            return super.handleUserAuthRequestMessage(session, buffer, authHolder);
        }
        Buffer asPassword = new ByteArrayBuffer();
        asPassword.putString(username);
        asPassword.putString(service);
        asPassword.putString("password");
        asPassword.putBoolean(false);
        asPassword.putString("");
        session.setAttribute(SIGNUP_WITHOUT_CREDENTIALS, Boolean.TRUE);
        try {
            return super.handleUserAuthRequestMessage(session, asPassword, authHolder);
        } finally {
            session.removeAttribute(SIGNUP_WITHOUT_CREDENTIALS);
        }
    }
}
