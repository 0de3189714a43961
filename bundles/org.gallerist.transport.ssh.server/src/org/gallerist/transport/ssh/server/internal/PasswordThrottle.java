package org.gallerist.transport.ssh.server.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Stops password guessing, per account and per source network ({@link SourcePrefix}): after a few wrong passwords in
 * a row the account's (or the source's) password logins are refused without being checked, for a time that doubles
 * with each further failure and runs out on its own. Key logins never pass through here, so an account under attack
 * still lets its owner in with a key. The answer to each wrong password is held back as well ({@link #answerDelay}).
 */
final class PasswordThrottle {

    private static final Duration FORGET_AFTER = Duration.ofMinutes(30);
    private static final int MAX_KEYS = 100_000;
    static final Duration ANSWER_DELAY = Duration.ofMillis(500);
    static final Duration MAX_ANSWER_DELAY = Duration.ofSeconds(8);
    static final Duration ANSWER_DELAY_FORGET_AFTER = Duration.ofMinutes(15);

    private final FailureThrottle<String> accounts;
    private final FailureThrottle<SourcePrefix> sources;
    private final FailureThrottle<SourcePrefix> answerDelay;
    private final Set<String> checking = new HashSet<>();

    PasswordThrottle(Clock clock, int accountFailures, int sourceFailures, Duration block, Duration maxBlock) {
        this.accounts = new FailureThrottle<>(clock,
                new FailureThrottle.Policy(accountFailures, block, maxBlock, FORGET_AFTER, MAX_KEYS));
        this.sources = new FailureThrottle<>(clock,
                new FailureThrottle.Policy(sourceFailures, block, maxBlock, FORGET_AFTER, MAX_KEYS));
        this.answerDelay = answerDelay(clock);
    }

    /**
     * How long a wrong password's answer is held back, per source: 0.5 s for the first failure in a row, doubling up
     * to 8 s, forgotten after 15 quiet minutes.
     */
    static FailureThrottle<SourcePrefix> answerDelay(Clock clock) {
        return new FailureThrottle<>(clock,
                new FailureThrottle.Policy(0, ANSWER_DELAY, MAX_ANSWER_DELAY, ANSWER_DELAY_FORGET_AFTER, MAX_KEYS));
    }

    /** How much longer password logins are refused for this account or from this source; zero if they may try. */
    Duration blockedFor(String account, SourcePrefix source) {
        Duration forAccount = accounts.blockedFor(account);
        Duration fromSource = sources.blockedFor(source);
        return forAccount.compareTo(fromSource) >= 0 ? forAccount : fromSource;
    }

    /**
     * Claims the one password check an account may have running; false if one runs already. Without this, a burst
     * of guesses sent at once would all be checked before the first failure counts.
     */
    synchronized boolean startCheck(String account) {
        return checking.add(account);
    }

    synchronized void endCheck(String account) {
        checking.remove(account);
    }

    /** Records a wrong password; returns how long to hold back the answer. */
    Duration failed(String account, SourcePrefix source) {
        accounts.failed(account);
        sources.failed(source);
        return answerDelay.failed(source);
    }

    void succeeded(String account, SourcePrefix source) {
        accounts.succeeded(account);
        sources.succeeded(source);
        answerDelay.succeeded(source);
    }
}
