package org.gallerist.client.ui;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.gallerist.api.client.GalleristClient;
import org.gallerist.client.core.ClientHome;
import org.gallerist.client.core.Connection;
import org.gallerist.client.core.ConnectionSettings;
import org.gallerist.client.core.ConnectionSettingsStore;

/** Opens the {@link ConnectDialog} with the real collaborators and remembers the settings of a good login. */
public final class LoginPrompt {
    private final GalleristClient client;
    private final ClientHome home;
    private final ConnectionSettingsStore store;

    public LoginPrompt(GalleristClient client, ClientHome home) {
        this.client = Objects.requireNonNull(client, "client");
        this.home = home.ensureExists();
        this.store = new ConnectionSettingsStore(home.connectionSettings());
    }

    /** The ssh-agent the desktop session started, as OpenSSH finds it. */
    private static Optional<Path> agentSocket() {
        String socket = System.getenv("SSH_AUTH_SOCK");
        return socket == null || socket.isBlank() ? Optional.empty() : Optional.of(Path.of(socket));
    }

    public ConnectionSettings lastSettings() {
        return store.load();
    }

    /** Blocks (running the event loop) until the user logged in or cancelled. */
    public Optional<Connection> ask(Shell parent, ConnectionSettings initial) {
        ConnectDialog dialog = new ConnectDialog(parent, client, home.knownHosts(),
                new DialogHostKeyTrust(parent != null ? parent.getDisplay() : Display.getCurrent()),
                initial, agentSocket());
        if (dialog.open() != Window.OK) {
            return Optional.empty();
        }
        store.save(dialog.settings());
        return dialog.connection();
    }
}
