package org.gallerist.client.ui.tests;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.client.core.ClientHome;
import org.gallerist.client.core.Connection;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.core.browse.BrowseState;
import org.gallerist.client.core.prefs.ViewPreferences;
import org.gallerist.client.core.prefs.ViewPreferencesStore;
import org.gallerist.tests.harness.GalleristServerExtension;

/**
 * One part in a real window, made by the injector the way the workbench makes it, for a user logged in to the test
 * server: the window's context holds what parts ask for (session, home, view preferences, browse state). Close it
 * after the test.
 */
final class PartWindow implements AutoCloseable {
    final Display display = Display.getDefault();
    final SessionModel model = new SessionModel();
    final IEclipseContext context;
    final Shell shell;

    PartWindow(GalleristServerExtension server, GalleristSession session, String title, int width, int height) {
        String user = session.whoami().name();
        model.open(new Connection(session, session.whoami()));
        context = EclipseContextFactory.create("test window of " + user);
        ClientHome home = new ClientHome(server.folder().resolve(user + "-home")).ensureExists();
        ViewPreferencesStore preferences = ViewPreferencesStore.in(home);
        preferences.save(new ViewPreferences(30, 128));
        context.set(SessionModel.class, model);
        context.set(ClientHome.class, home);
        context.set(ViewPreferencesStore.class, preferences);
        context.set(BrowseState.class, new BrowseState());
        shell = new Shell(display);
        shell.setText(title + " \u2014 " + user);
        shell.setBounds(0, 0, width, height);
        shell.setLayout(new FillLayout());
    }

    /** Makes the part in an area of its own, with what the window's context holds, and opens the window. */
    <T> T open(Class<T> part) {
        Composite area = new Composite(shell, SWT.NONE);
        area.setLayout(new FillLayout());
        IEclipseContext partContext = context.createChild(part.getSimpleName());
        partContext.set(Composite.class, area);
        T made = ContextInjectionFactory.make(part, partContext);
        shell.open();
        return made;
    }

    @Override
    public void close() {
        if (!shell.isDisposed()) {
            shell.dispose();
        }
        context.dispose();
        model.close();
    }
}
