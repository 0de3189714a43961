package org.gallerist.transport.ssh.client.internal;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.gallerist.api.client.SessionState;

/**
 * Tells a session's state listeners of each change, one change at a time and in the order they happened, on the
 * client's threads: never on the thread that changed the state, which may hold a lock or be Mina's I/O thread.
 */
final class StateEvents {

    private final List<Consumer<SessionState>> listeners = new CopyOnWriteArrayList<>();
    private final Executor threads;
    private final Queue<SessionState> pending = new ArrayDeque<>();
    private boolean delivering;

    StateEvents(Executor threads) {
        this.threads = threads;
    }

    void add(Consumer<SessionState> listener) {
        listeners.add(listener);
    }

    void remove(Consumer<SessionState> listener) {
        listeners.remove(listener);
    }

    void fire(SessionState state) {
        synchronized (pending) {
            pending.add(state);
            if (delivering) {
                return;
            }
            delivering = true;
        }
        try {
            threads.execute(this::deliver);
        } catch (RejectedExecutionException clientStopped) {
            deliver(); // the client is going away; tell the listeners here rather than never
        }
    }

    private void deliver() {
        while (true) {
            SessionState next;
            synchronized (pending) {
                next = pending.poll();
                if (next == null) {
                    delivering = false;
                    return;
                }
            }
            for (Consumer<SessionState> listener : listeners) {
                try {
                    listener.accept(next);
                } catch (RuntimeException e) {
                    // One listener's failure must not keep the others from hearing of the change.
                }
            }
        }
    }
}
