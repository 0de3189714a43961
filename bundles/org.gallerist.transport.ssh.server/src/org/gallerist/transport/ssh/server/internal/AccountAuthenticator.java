package org.gallerist.transport.ssh.server.internal;

import java.security.PublicKey;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.digest.BuiltinDigests;
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
 * Password and public-key logins against the {@link AccountService}. A password check (a slow hash) runs on a small
 * pool of its own, never the I/O or command threads; when that pool and its short queue are full the login is
 * refused at once rather than queued. An account or source the {@link PasswordThrottle} blocks is refused without a
 * check, and a wrong password is answered only after a delay.
 * Public-key probes are answered at once: keys cannot be guessed, and delaying OpenSSH's probing of each of a
 * user's keys would only slow down honest logins. The {@code signup} login gets in only through
 * {@link SignupUserAuthService}, never with a password or key.
 */
final class AccountAuthenticator implements PasswordAuthenticator, PublickeyAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(AccountAuthenticator.class);

    private final AccountService accounts;
    private final PasswordThrottle throttle;
    private final ExecutorService passwordChecks;
    private final ScheduledExecutorService timer;

    AccountAuthenticator(AccountService accounts, PasswordThrottle throttle, ExecutorService passwordChecks,
            ScheduledExecutorService timer) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.passwordChecks = passwordChecks;
        this.timer = timer;
    }

    @Override
    public boolean authenticate(String username, String password, ServerSession session) {
        if (SignupCommand.LOGIN.equals(username)
                && Boolean.TRUE.equals(session.getAttribute(SignupUserAuthService.SIGNUP_WITHOUT_CREDENTIALS))) {
            return true;
        }
        if (SignupCommand.LOGIN.equals(username)) {
            return false;
        }
        SourcePrefix source = SourcePrefix.of(session.getClientAddress());
        Duration blocked = throttle.blockedFor(username, source);
        if (!blocked.isZero()) {
            LOG.info("Password login for {} from {} refused unchecked: blocked for {} s after wrong passwords",
                    LogText.quote(username), source, Math.max(1, blocked.toSeconds()));
            return false;
        }
        if (!throttle.startCheck(username)) {
            LOG.info("Password login for {} from {} refused unchecked: another one is being checked",
                    LogText.quote(username), source);
            return false;
        }
        AsyncAuthException pending = new AsyncAuthException();
        try {
            passwordChecks.execute(() -> {
                try {
                    check(username, password, source, pending);
                } finally {
                    throttle.endCheck(username);
                }
            });
        } catch (RejectedExecutionException busy) {
            throttle.endCheck(username);
            LOG.warn("Password login for {} from {} refused unchecked: all password checks are busy",
                    LogText.quote(username), source);
            return false;
        }
        throw pending;
    }

    private void check(String username, String password, SourcePrefix source, AsyncAuthException pending) {
        boolean ok = false;
        try {
            ok = accounts.checkPassword(username, password.toCharArray());
        } catch (RuntimeException e) {
            LOG.error("Password check for {} failed", LogText.quote(username), e);
        }
        if (ok) {
            throttle.succeeded(username, source);
            pending.setAuthed(true);
        } else {
            Duration delay = throttle.failed(username, source);
            LOG.info("Wrong password for {} from {}; answering in {} ms", LogText.quote(username), source,
                    delay.toMillis());
            timer.schedule(() -> pending.setAuthed(false), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
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
            // look the offered key up by its fingerprint: only that one stored key is parsed and compared
            String offeredFingerprint = KeyUtils.getFingerPrint(BuiltinDigests.sha256, offered);
            for (AuthorizedKey key : accounts.keys(username)) {
                if (key.fingerprint().equals(offeredFingerprint)) {
                    // no throttle reset here: this also answers unsigned probes, which anyone knowing the key can send
                    return matches(key, offered, session);
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
