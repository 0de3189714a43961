package org.gallerist.transport.ssh.server.internal;

import java.time.Clock;
import java.time.Duration;

/**
 * Stops password guessing, per account and per source network ({@link SourcePrefix}): after a few wrong passwords in
 * a row the account's (or the source's) password logins are refused without being checked, for a time that doubles
 * with each further failure and runs out on its own. Key logins never pass through here, so an account under attack
 * still lets its owner in with a key. The answer to each wrong password is held back as well ({@link LoginBackoff}).
 */
final class PasswordThrottle {

    private static final Duration FORGET_AFTER = Duration.ofMinutes(30);
    private static final int MAX_KEYS = 100_000;

    private final FailureThrottle<String> accounts;
    private final FailureThrottle<SourcePrefix> sources;
    private final LoginBackoff answerDelay;

    PasswordThrottle(Clock clock, int accountFailures, int sourceFailures, Duration block, Duration maxBlock) {
        this.accounts = new FailureThrottle<>(clock, accountFailures, block, maxBlock, FORGET_AFTER, MAX_KEYS);
        this.sources = new FailureThrottle<>(clock, sourceFailures, block, maxBlock, FORGET_AFTER, MAX_KEYS);
        this.answerDelay = new LoginBackoff(clock);
    }

    /** How much longer password logins are refused for this account or from this source; zero if they may try. */
    Duration blockedFor(String account, SourcePrefix source) {
        Duration forAccount = accounts.blockedFor(account);
        Duration fromSource = sources.blockedFor(source);
        return forAccount.compareTo(fromSource) >= 0 ? forAccount : fromSource;
    }

    /** Records a wrong password; returns how long to hold back the answer. */
    Duration failed(String account, SourcePrefix source) {
        accounts.failed(account);
        sources.failed(source);
        return answerDelay.failed(source.text());
    }

    void succeeded(String account, SourcePrefix source) {
        accounts.succeeded(account);
        sources.succeeded(source);
        answerDelay.succeeded(source.text());
    }
}
