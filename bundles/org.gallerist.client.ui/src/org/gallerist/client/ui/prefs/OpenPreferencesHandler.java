package org.gallerist.client.ui.prefs;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.jface.preference.PreferenceNode;
import org.eclipse.swt.widgets.Shell;
import org.gallerist.client.core.ClientHome;
import org.gallerist.client.core.ConnectionSettingsStore;
import org.gallerist.client.core.prefs.ViewPreferencesStore;

import jakarta.inject.Named;

/** Opens the preferences dialog with the one Gallerist page. */
public class OpenPreferencesHandler {

    @Execute
    public void open(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, ClientHome home, ViewPreferencesStore view) {
        PreferenceManager manager = new PreferenceManager();
        manager.addToRoot(new PreferenceNode("gallerist",
                new ClientPreferencePage(new ConnectionSettingsStore(home.connectionSettings()), view)));
        PreferenceDialog dialog = new PreferenceDialog(shell, manager);
        dialog.create();
        dialog.getShell().setText("Preferences");
        dialog.open();
    }
}
