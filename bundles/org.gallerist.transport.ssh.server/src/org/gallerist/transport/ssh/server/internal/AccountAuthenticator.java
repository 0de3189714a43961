package org.gallerist.transport.ssh.server.internal;

import java.security.PublicKey;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.server.auth.AsyncAuthException;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.gallerist.api.User;
import org.gallerist.api.account.AccountService;
import org.gallerist.api.account.AuthorizedKey;
import org.gallerist.api.log.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password and public-key logins against the {@link AccountService}. A password check (a slow hash) runs off the
 * I/O threads, and a wrong password is answered only after the {@link LoginBackoff} delay for its source address.
 * Public-key probes are answered at once: keys cannot be guessed, and delaying OpenSSH's probing of each of a
 * user's keys would only slow down honest logins. The {@code signup} login gets in only through
 * {@link SignupUserAuthService}, never with a password or key.
 */
final class AccountAuthenticator implements PasswordAuthenticator, PublickeyAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(AccountAuthenticator.class);

    private final AccountService accounts;
    private final LoginBackoff backoff;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;

    AccountAuthenticator(AccountService accounts, LoginBackoff backoff, ExecutorService workers,
            ScheduledExecutorService timer) {
        this.accounts = accounts;
        this.backoff = backoff;
        this.workers = workers;
        this.timer = timer;
    }

    @Override
    public boolean authenticate(String username, String password, ServerSession session) {
        if (SignupCommand.LOGIN.equals(username)
                && Boolean.TRUE.equals(session.getAttribute(SignupUserAuthService.SIGNUP_WITHOUT_CREDENTIALS))) {
            return true;
        }
        String source = ExecCommand.sourceOf(session.getClientAddress());
        AsyncAuthException pending = new AsyncAuthException();
        workers.execute(() -> {
            boolean ok = false;
            try {
                ok = !SignupCommand.LOGIN.equals(username) && accounts.checkPassword(username, password.toCharArray());
            } catch (RuntimeException e) {
                LOG.error("Password check for {} failed", LogText.quote(username), e);
            }
            if (ok) {
                backoff.succeeded(source);
                pending.setAuthed(true);
            } else {
                Duration delay = backoff.failed(source);
                LOG.info("Wrong password for {} from {}; answering in {} ms", LogText.quote(username), source,
                        delay.toMillis());
                timer.schedule(() -> pending.setAuthed(false), delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
        throw pending;
    }

    @Override
    public boolean authenticate(String username, PublicKey offered, ServerSession session) {
        if (SignupCommand.LOGIN.equals(username)) {
            return false;
        }
        try {
            User user = accounts.find(username).orElse(null);
            if (user == null || user.disabled()) {
                return false;
            }
            for (AuthorizedKey key : accounts.keys(username)) {
                if (matches(key, offered, session)) {
                    // no backoff reset here: this also answers unsigned probes, which anyone knowing the key can send
                    return true;
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Public-key check for {} failed", LogText.quote(username), e);
        }
        return false;
    }

    private static boolean matches(AuthorizedKey key, PublicKey offered, ServerSession session) {
        try {
            PublicKey authorized = AuthorizedKeyEntry.parseAuthorizedKeyEntry(key.openSshLine())
                    .resolvePublicKey(session, PublicKeyEntryResolver.FAILING);
            return KeyUtils.compareKeys(authorized, offered);
        } catch (Exception e) {
            LOG.warn("Skipping unreadable stored key {}: {}", key.fingerprint(), e.toString());
            return false;
        }
    }
}
