package org.gallerist.transport.ssh.client.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.sshd.client.session.ClientSession;
import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.ServerAddress;
import org.gallerist.api.client.SessionState;

/**
 * The logged-in SSH session behind one {@code GalleristSession}, logging in again when it drops.
 * <p>
 * A drop starts a round of login attempts at once, in the background, so that the state (and a status line) says
 * RECONNECTING and an idle desktop comes back by itself; requests made meanwhile wait for the round. If the round
 * gives up the state is DISCONNECTED and each later request makes one attempt of its own, so a user who retries is
 * not kept waiting through the whole back-off. Attempts stop early on answers that waiting does not change: a
 * refused host key or refused credentials.
 */
final class LiveConnection {

    /** Pauses before each attempt of a round after a drop: about 15 s in all, enough for a server restart. */
    static final List<Duration> AFTER_DROP = List.of(Duration.ZERO, Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
    private static final List<Duration> ONCE = List.of(Duration.ZERO);

    private final ServerAddress server;
    private final Supplier<ClientSession> login;
    private final Executor threads;
    private final StateEvents events;
    private final Consumer<LiveConnection> onClose;

    private final Object lock = new Object();
    private ClientSession current; // null while down
    private CompletableFuture<ClientSession> round; // the login attempts under way, if any
    private SessionState state = SessionState.CONNECTED;

    /**
     * @param first   the session of the first login, already authenticated
     * @param login   logs in again the same way, host-key check included; throws a {@link GalleristException}
     * @param onClose run once when the user closes it
     */
    LiveConnection(ServerAddress server, ClientSession first, Supplier<ClientSession> login, Executor threads,
            Consumer<LiveConnection> onClose) {
        this.server = server;
        this.login = login;
        this.threads = threads;
        this.events = new StateEvents(threads);
        this.onClose = onClose;
        this.current = first;
        watch(first);
    }

    ServerAddress server() {
        return server;
    }

    /** Where listeners hear this connection's state changes, on its threads. */
    StateEvents events() {
        return events;
    }

    SessionState state() {
        synchronized (lock) {
            return state;
        }
    }

    /**
     * A logged-in session: the current one, else the one the round under way brings, else one fresh attempt.
     *
     * @throws GalleristException if there is none to be had; nothing was sent then
     */
    ClientSession session() {
        CompletableFuture<ClientSession> awaited;
        synchronized (lock) {
            if (state == SessionState.CLOSED) {
                throw closed();
            }
            if (current != null && current.isOpen()) {
                return current;
            }
            awaited = round != null ? round : startRound(state == SessionState.DISCONNECTED ? ONCE : AFTER_DROP);
        }
        return await(awaited);
    }

    /** Ends it for good: closes the SSH session, stops any round, and fails the requests waiting for one. */
    void close() {
        ClientSession last;
        CompletableFuture<ClientSession> abandoned;
        synchronized (lock) {
            if (state == SessionState.CLOSED) {
                return;
            }
            setState(SessionState.CLOSED);
            last = current;
            current = null;
            abandoned = round;
            round = null;
            lock.notifyAll(); // wakes a round that is pausing between attempts
        }
        if (abandoned != null) {
            abandoned.completeExceptionally(closed());
        }
        if (last != null) {
            last.close(true);
        }
        onClose.accept(this);
    }

    private void watch(ClientSession session) {
        session.addCloseFutureListener(closed -> dropped(session));
    }

    /** Called on Mina's thread when a session ends; only the current one's end matters. */
    private void dropped(ClientSession session) {
        synchronized (lock) {
            if (session == current && state == SessionState.CONNECTED) {
                startRound(AFTER_DROP);
            }
        }
    }

    /** Caller holds the lock. */
    private CompletableFuture<ClientSession> startRound(List<Duration> pauses) {
        current = null;
        setState(SessionState.RECONNECTING);
        CompletableFuture<ClientSession> started = new CompletableFuture<>();
        round = started;
        try {
            threads.execute(() -> attempt(started, pauses));
        } catch (RejectedExecutionException clientStopped) {
            round = null;
            setState(SessionState.DISCONNECTED);
            started.completeExceptionally(new GalleristException(ErrorCode.CONNECTION_FAILED,
                    "The connection to " + server + " is down and the Gallerist client is stopping."));
        }
        return started;
    }

    private void attempt(CompletableFuture<ClientSession> started, List<Duration> pauses) {
        GalleristException failure = null;
        for (Duration pause : pauses) {
            if (!pause(pause)) {
                giveUp(started, closed()); // closed meanwhile (or the client is stopping)
                return;
            }
            try {
                adopt(started, login.get());
                return;
            } catch (GalleristException e) {
                failure = e;
                if (e.code() != ErrorCode.CONNECTION_FAILED) {
                    break; // a refused host key or login stays refused however long we wait
                }
            } catch (RuntimeException e) {
                failure = new GalleristException(ErrorCode.CONNECTION_FAILED, Failures.reason(e), e);
            }
        }
        giveUp(started, explain(failure, pauses.size()));
    }

    private void adopt(CompletableFuture<ClientSession> started, ClientSession fresh) {
        synchronized (lock) {
            if (round == started) {
                current = fresh;
                round = null;
                setState(SessionState.CONNECTED);
                watch(fresh); // after CONNECTED, so that a session which died already starts the next round
                started.complete(fresh);
                return;
            }
        }
        fresh.close(true); // closed while this login ran
    }

    private void giveUp(CompletableFuture<ClientSession> started, GalleristException failure) {
        synchronized (lock) {
            if (round == started) {
                round = null;
                setState(SessionState.DISCONNECTED);
            }
        }
        started.completeExceptionally(failure);
    }

    /** Waits out a pause before an attempt; false if the connection was closed meanwhile. */
    private boolean pause(Duration pause) {
        long end = System.nanoTime() + pause.toNanos();
        synchronized (lock) {
            try {
                for (long left = pause.toNanos(); state != SessionState.CLOSED && left > 0;
                        left = end - System.nanoTime()) {
                    lock.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return state != SessionState.CLOSED;
        }
    }

    private ClientSession await(CompletableFuture<ClientSession> awaited) {
        try {
            return awaited.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GalleristException(ErrorCode.CONNECTION_FAILED,
                    "Stopped waiting for the connection to " + server + " to come back.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GalleristException known) {
                throw known;
            }
            throw new GalleristException(ErrorCode.CONNECTION_FAILED,
                    "Could not connect to " + server + " again: " + Failures.reason(e.getCause()), e.getCause());
        }
    }

    private GalleristException explain(GalleristException failure, int attempts) {
        if (failure.code() != ErrorCode.CONNECTION_FAILED) {
            return failure; // already says what was refused and why
        }
        String tries = attempts == 1 ? "logging in again failed" : attempts + " attempts to log in again failed";
        return new GalleristException(ErrorCode.CONNECTION_FAILED, "The connection to " + server + " is down and "
                + tries + ". " + failure.getMessage(), failure);
    }

    private GalleristException closed() {
        return new GalleristException(ErrorCode.CONNECTION_FAILED, "The session with " + server + " was closed.");
    }

    /** Caller holds the lock. */
    private void setState(SessionState next) {
        if (state != next) {
            state = next;
            events.fire(next);
        }
    }
}
