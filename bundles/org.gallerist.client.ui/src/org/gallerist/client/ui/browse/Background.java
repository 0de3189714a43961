package org.gallerist.client.ui.browse;

import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;
import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.client.core.SessionModel;

/**
 * Runs a request against the current session in a {@link Job} and hands the answer (or the failure) back on the UI
 * thread, unless the control that asked is gone by then. The UI thread never waits on the network.
 */
public final class Background {
    private static final System.Logger LOG = System.getLogger(Background.class.getName());

    private final SessionModel sessions;
    private final Control owner;

    public Background(SessionModel sessions, Control owner) {
        this.sessions = sessions;
        this.owner = owner;
    }

    public <T> void run(String name, Function<GalleristSession, T> request, Consumer<T> done,
            Consumer<Throwable> failed) {
        Job job = Job.create(name, monitor -> {
            try {
                GalleristSession session = sessions.session().orElseThrow(
                        () -> new GalleristException(ErrorCode.CONNECTION_FAILED, "Not connected to a server."));
                T result = request.apply(session);
                onUiThread(() -> done.accept(result));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, name + " failed", e);
                onUiThread(() -> failed.accept(e));
            }
            return Status.OK_STATUS;
        });
        job.schedule();
    }

    public void onUiThread(Runnable action) {
        if (owner.isDisposed()) {
            return;
        }
        owner.getDisplay().asyncExec(() -> {
            if (!owner.isDisposed()) {
                action.run();
            }
        });
    }
}
