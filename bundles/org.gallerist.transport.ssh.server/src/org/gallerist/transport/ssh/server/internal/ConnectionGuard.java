package org.gallerist.transport.ssh.server.internal;

import java.io.IOException;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.io.IoAcceptor;
import org.apache.sshd.common.io.IoServiceEventListener;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.log.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts connections and sessions and turns away what is over a limit: at accept time a penalised source, a source
 * with too many connections not logged in yet, and (random early drop) a flood of those overall; after login, a
 * session beyond the per-account, per-source or overall cap is marked so that its commands answer
 * {@code too_many_sessions}, and it is closed shortly after. Connections that end without logging in add to their
 * source's {@link SourcePenalties}.
 */
final class ConnectionGuard implements IoServiceEventListener, SessionListener {

    /** Set on a session that logged in beyond a cap: what its commands answer. */
    static final AttributeKey<GalleristException> REFUSAL = new AttributeKey<>();
    private static final AttributeKey<SourcePrefix> SOURCE = new AttributeKey<>();
    private static final AttributeKey<Instant> OPENED = new AttributeKey<>();
    private static final AttributeKey<String> COUNTED_ACCOUNT = new AttributeKey<>();
    private static final Duration REFUSED_SESSION_LINGER = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

    record Limits(StartupLimit startups, int startupsPerSource, int sessions, int sessionsPerAccount,
            int sessionsPerSource, Duration loginGrace, Duration graceExceededPenalty, Duration noAuthPenalty) {
    }

    private final Limits limits;
    private final SourcePenalties penalties;
    private final Clock clock;
    private final RandomGenerator random;
    private final ScheduledExecutorService timer;
    private final Map<SourcePrefix, Integer> waitingBySource = new HashMap<>();
    private final Map<SourcePrefix, Integer> sessionsBySource = new HashMap<>();
    private final Map<String, Integer> sessionsByAccount = new HashMap<>();
    private int waiting;
    private int sessions;

    ConnectionGuard(Limits limits, SourcePenalties penalties, Clock clock, RandomGenerator random,
            ScheduledExecutorService timer) {
        this.limits = limits;
        this.penalties = penalties;
        this.clock = clock;
        this.random = random;
        this.timer = timer;
    }

    @Override
    public void connectionAccepted(IoAcceptor acceptor, SocketAddress local, SocketAddress remote,
            SocketAddress service) throws IOException {
        SourcePrefix source = SourcePrefix.of(remote);
        if (penalties.isRefused(source)) {
            throw new IOException("source " + source + " is penalised");
        }
        synchronized (this) {
            if (waitingBySource.getOrDefault(source, 0) >= limits.startupsPerSource()) {
                throw new IOException("too many connections not logged in from " + source);
            }
            if (limits.startups().drops(waiting, random)) {
                throw new IOException("dropped: " + waiting + " connections not logged in (maxStartups "
                        + limits.startups() + ")");
            }
        }
    }

    @Override
    public void sessionCreated(Session session) {
        SourcePrefix source = SourcePrefix.of(session.getIoSession().getRemoteAddress());
        session.setAttribute(SOURCE, source);
        session.setAttribute(OPENED, clock.instant());
        synchronized (this) {
            waiting++;
            waitingBySource.merge(source, 1, Integer::sum);
        }
    }

    @Override
    public void sessionEvent(Session session, Event event) {
        if (event != Event.Authenticated) {
            return;
        }
        SourcePrefix source = session.getAttribute(SOURCE);
        String account = session.getUsername();
        GalleristException refusal;
        synchronized (this) {
            stopWaiting(source);
            session.removeAttribute(OPENED);
            refusal = overCap(source, account);
            if (refusal == null) {
                sessions++;
                sessionsBySource.merge(source, 1, Integer::sum);
                sessionsByAccount.merge(account, 1, Integer::sum);
                session.setAttribute(COUNTED_ACCOUNT, account);
            }
        }
        if (refusal != null) {
            LOG.info("Session of {} from {} refused: {}", LogText.quote(account), source, refusal.getMessage());
            session.setAttribute(REFUSAL, refusal);
            // long enough for the client's first command to read why; a session that runs none goes anyway
            timer.schedule(() -> session.close(false), REFUSED_SESSION_LINGER.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void sessionClosed(Session session) {
        SourcePrefix source = session.getAttribute(SOURCE);
        if (source == null) {
            return;
        }
        Instant opened = session.getAttribute(OPENED);
        String account = session.getAttribute(COUNTED_ACCOUNT);
        synchronized (this) {
            if (opened != null) {
                stopWaiting(source);
            } else if (account != null) {
                sessions--;
                decrement(sessionsBySource, source);
                decrement(sessionsByAccount, account);
            }
        }
        if (opened != null) {
            boolean graceExceeded = !opened.plus(limits.loginGrace()).minusSeconds(1).isAfter(clock.instant());
            Duration penalty = graceExceeded ? limits.graceExceededPenalty() : limits.noAuthPenalty();
            boolean wasRefused = penalties.isRefused(source);
            if (penalties.penalize(source, penalty) && !wasRefused) {
                LOG.warn("Refusing connections from {} for a while: its connections {}", source,
                        graceExceeded ? "ran out of login grace time" : "closed without logging in");
            }
        }
    }

    /** Connections not logged in yet, and sessions logged in (for tests and the log). */
    synchronized int[] counts() {
        return new int[] { waiting, sessions };
    }

    private GalleristException overCap(SourcePrefix source, String account) {
        if (sessions >= limits.sessions()) {
            return tooMany("maxSessions", limits.sessions(), "The server has too many sessions open");
        }
        if (sessionsBySource.getOrDefault(source, 0) >= limits.sessionsPerSource()) {
            return tooMany("maxSessionsPerSource", limits.sessionsPerSource(),
                    "Too many sessions are open from your address");
        }
        if (!SignupCommand.LOGIN.equals(account)
                && sessionsByAccount.getOrDefault(account, 0) >= limits.sessionsPerAccount()) {
            return tooMany("maxSessionsPerAccount", limits.sessionsPerAccount(),
                    "Too many sessions are open for your account");
        }
        return null;
    }

    private static GalleristException tooMany(String limit, int max, String what) {
        return new GalleristException(ErrorCode.TOO_MANY_SESSIONS, what + " (at most " + max
                + "); close one and try again.", Map.of(GalleristException.LIMIT, limit, GalleristException.MAX, max));
    }

    private void stopWaiting(SourcePrefix source) {
        waiting--;
        decrement(waitingBySource, source);
    }

    private static <K> void decrement(Map<K, Integer> counts, K key) {
        counts.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    }
}
