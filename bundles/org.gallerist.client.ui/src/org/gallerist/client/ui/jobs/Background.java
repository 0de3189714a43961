package org.gallerist.client.ui.jobs;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Control;
import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.client.core.SessionModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs network work in a {@link Job} and hands the answer (or the failure) back on the UI thread, unless whoever
 * asked is gone by then. Every part and dialog of the client goes through it, so the UI thread never waits on the
 * network and no answer reaches a disposed widget.
 */
public final class Background {
    private static final Logger LOG = LoggerFactory.getLogger(Background.class);

    /** Work against the session that reports progress and notices cancelling, e.g. an upload of many files. */
    @FunctionalInterface
    public interface Task<T> {
        T run(GalleristSession session, IProgressMonitor monitor);
    }

    private final Supplier<Optional<GalleristSession>> sessions;
    private final Executor uiThread;
    private final BooleanSupplier ownerGone;

    /** Answers go to {@code owner}'s display and are dropped once it is disposed. */
    public Background(SessionModel sessions, Control owner) {
        this(sessions::session, action -> owner.getDisplay().asyncExec(action), owner::isDisposed);
    }

    /** For work that needs no session (see {@link #call}); answers are dropped once {@code owner} is disposed. */
    public Background(Control owner) {
        this(Optional::empty, action -> owner.getDisplay().asyncExec(action), owner::isDisposed);
    }

    /** Answers go to {@code uiThread}, e.g. {@code UISynchronize::asyncExec} in a handler, which has no control. */
    public Background(Supplier<Optional<GalleristSession>> sessions, Executor uiThread) {
        this(sessions, uiThread, () -> false);
    }

    private Background(Supplier<Optional<GalleristSession>> sessions, Executor uiThread, BooleanSupplier ownerGone) {
        this.sessions = sessions;
        this.uiThread = uiThread;
        this.ownerGone = ownerGone;
    }

    /** Sends {@code request} over the current session; no session is a failure like any other. */
    public <T> Job run(String name, Function<GalleristSession, T> request, Consumer<T> done,
            Consumer<Throwable> failed) {
        return run(name, (session, monitor) -> request.apply(session), done, failed);
    }

    /** Sends {@code request} whose effects show elsewhere (e.g. through a model's listeners); a failure is only logged. */
    public Job runAndForget(String name, Consumer<GalleristSession> request) {
        return run(name, session -> {
            request.accept(session);
            return null;
        }, nothing -> { }, failure -> { });
    }

    /** Like {@link #run(String, Function, Consumer, Consumer)}, for work that reports progress; cancel the job to stop it. */
    public <T> Job run(String name, Task<T> task, Consumer<T> done, Consumer<Throwable> failed) {
        return call(name, monitor -> task.run(session(), monitor), done, failed, unclaimed -> { });
    }

    /**
     * Runs {@code work} that needs no session (e.g. opening one). An answer that arrives when the owner is gone goes
     * to {@code unclaimed}, on whatever thread notices, so that what it holds (an open connection) can be let go.
     */
    public <T> Job call(String name, Function<IProgressMonitor, T> work, Consumer<T> done, Consumer<Throwable> failed,
            Consumer<T> unclaimed) {
        Job job = Job.create(name, monitor -> {
            try {
                T result = work.apply(monitor);
                onUiThread(() -> done.accept(result), () -> unclaimed.accept(result));
            } catch (RuntimeException e) {
                LOG.debug("{} failed", name, e);
                onUiThread(() -> failed.accept(e));
            }
            return Status.OK_STATUS;
        });
        job.schedule();
        return job;
    }

    private GalleristSession session() {
        return sessions.get().orElseThrow(
                () -> new GalleristException(ErrorCode.CONNECTION_FAILED, "Not connected to a server."));
    }

    /** Runs {@code action} on the UI thread, unless the owner is gone by then. Callable from any thread. */
    public void onUiThread(Runnable action) {
        onUiThread(action, () -> { });
    }

    private void onUiThread(Runnable action, Runnable whenGone) {
        if (ownerGone.getAsBoolean()) {
            whenGone.run();
            return;
        }
        try {
            uiThread.execute(() -> {
                if (ownerGone.getAsBoolean()) {
                    whenGone.run();
                } else {
                    action.run();
                }
            });
        } catch (SWTException e) {
            // the owner or its display was disposed between the check and the hand-over
            whenGone.run();
        }
    }
}
