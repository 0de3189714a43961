package org.gallerist.client.app.internal;

import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MMenu;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.e4.ui.workbench.lifecycle.ProcessAdditions;
import org.eclipse.e4.ui.workbench.lifecycle.ProcessRemovals;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.gallerist.api.client.GalleristClient;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.client.KeyFiles;
import org.gallerist.client.core.ClientHome;
import org.gallerist.client.core.Connection;
import org.gallerist.client.core.ConnectionSettings;
import org.gallerist.client.core.ConnectionState;
import org.gallerist.client.core.LaunchArguments;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.ui.LoginPrompt;
import org.osgi.framework.FrameworkUtil;

/**
 * Logs the user in before the workbench window appears. If the user cancels, no window is rendered, so the
 * workbench's event loop has nothing to show and the application ends normally.
 */
public class LifeCycle {
    static final String MAIN_WINDOW_ID = "org.gallerist.client.app.window.main";
    static final String ADMIN_MENU_ID = "org.gallerist.client.app.menu.admin";

    private final ClientServiceLookup clientLookup = new ClientServiceLookup(
            FrameworkUtil.getBundle(LifeCycle.class).getBundleContext());
    private final SessionModel model = new SessionModel();
    private boolean loggedIn;

    /** Where the client is installed (its dropins folder is there). */
    private static java.nio.file.Path installation() {
        try {
            return java.nio.file.Path.of(Platform.getInstallLocation().getURL().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return java.nio.file.Path.of(System.getProperty("user.dir"));
        }
    }

    @PostContextCreate
    public void logIn(IEclipseContext context) {
        List<String> args = List.of(Platform.getApplicationArgs());
        LaunchArguments.Requested requested = LaunchArguments.requested(args);
        switch (requested) {
        case HELP -> {
            System.out.print(LaunchArguments.usage());
            return; // not logged in: no window opens and the application ends
        }
        case VERSION -> {
            System.out.print(ProgramBuild.of(FrameworkUtil.getBundle(LifeCycle.class)).versionText("gallerist-client"));
            return;
        }
        case RUN, PLUGINS -> {
            // plugins first, then the list or the login below
        }
        }
        ClientHome home = ClientHome.fromSystemProperties();
        ClientPlugins plugins = new ClientPlugins(FrameworkUtil.getBundle(LifeCycle.class).getBundleContext(),
                List.of(installation().resolve("dropins"), home.plugins()));
        List<ClientPlugins.Failure> failures = plugins.install();
        if (requested == LaunchArguments.Requested.PLUGINS) {
            plugins.awaitServices();
            plugins.describe().forEach(System.out::println);
            failures.forEach(failure -> System.out.println(failure.file() + " FAILED: " + failure.reason()));
            return;
        }
        if (!failures.isEmpty()) {
            MessageDialog.openWarning(null, "Gallerist", "These plugins could not be started and are left out:\n\n"
                    + String.join("\n", failures.stream().map(failure -> failure.file() + ": " + failure.reason())
                            .toList()) + "\n\nThe log has the details.");
        }
        Optional<GalleristClient> client = clientLookup.await();
        if (client.isEmpty()) {
            MessageDialog.openError(null, "Gallerist",
                    "Gallerist cannot connect to servers: its SSH transport is not installed or did not start.");
            return;
        }
        LoginPrompt prompt = new LoginPrompt(client.get(), home);
        ConnectionSettings initial = LaunchArguments.apply(prompt.lastSettings(), args);
        Optional<Connection> connection = prompt.ask(null, initial);
        if (connection.isEmpty()) {
            return;
        }
        loggedIn = true;
        model.open(connection.get());
        context.set(SessionModel.class, model);
        context.set(LoginPrompt.class, prompt);
        context.set(KeyFiles.class, client.get().keyFiles());
        context.set(GalleristSession.class, connection.get().session());
        model.addListener(state -> model.session().ifPresentOrElse(
                session -> context.set(GalleristSession.class, session),
                () -> context.remove(GalleristSession.class)));
    }

    @ProcessRemovals
    public void hideWindowsUnlessLoggedIn(MApplication application) {
        if (!loggedIn) {
            application.getChildren().forEach(window -> window.setToBeRendered(false));
        }
    }

    @ProcessAdditions
    public void showUserInTitle(MApplication application, EModelService modelService, UISynchronize sync) {
        if (!loggedIn || !(modelService.find(MAIN_WINDOW_ID, application) instanceof MWindow window)) {
            return;
        }
        window.setLabel(model.state().windowTitle());
        MMenu adminMenu = modelService.findElements(window, ADMIN_MENU_ID, MMenu.class, null,
                EModelService.IN_MAIN_MENU).stream().findFirst().orElse(null);
        showAdminMenu(adminMenu, model.state());
        model.addListener(state -> sync.asyncExec(() -> {
            window.setLabel(state.windowTitle());
            showAdminMenu(adminMenu, state);
        }));
    }

    /** Only admins see the Admin menu; logging in again as someone else shows or hides it. */
    private static void showAdminMenu(MMenu menu, ConnectionState state) {
        if (menu != null) {
            menu.setVisible(state.user() != null && state.user().isAdmin());
        }
    }
}
