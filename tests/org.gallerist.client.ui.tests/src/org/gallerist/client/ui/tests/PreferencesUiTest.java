package org.gallerist.client.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.jface.preference.PreferenceNode;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;
import org.gallerist.client.core.ConnectionSettings;
import org.gallerist.client.core.ConnectionSettingsStore;
import org.gallerist.client.core.prefs.ViewPreferences;
import org.gallerist.client.core.prefs.ViewPreferencesStore;
import org.gallerist.client.ui.prefs.ClientPreferencePage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preference page in a real dialog: it refuses bad numbers and saves good ones. */
class PreferencesUiTest {
    @TempDir
    Path temp;

    @Test
    void refusesAnOutOfRangeBatchSizeAndSavesServerAndSizes() throws Exception {
        UiTestSupport.requireDisplay();
        Display display = Display.getDefault();
        ConnectionSettingsStore connection = new ConnectionSettingsStore(temp.resolve("connection.properties"));
        connection.save(new ConnectionSettings("localhost", 2222, "alice"));
        ViewPreferencesStore view = new ViewPreferencesStore(temp.resolve("view.properties"));
        ClientPreferencePage page = new ClientPreferencePage(connection, view);
        PreferenceManager manager = new PreferenceManager();
        manager.addToRoot(new PreferenceNode("gallerist", page));
        PreferenceDialog dialog = new PreferenceDialog(null, manager);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            Text[] fields = texts(page.getControl());
            assertEquals("localhost", fields[0].getText());
            assertEquals("60", fields[2].getText(), "batches of 60 by default");
            fields[2].setText("500");
            assertFalse(page.isValid());
            assertTrue(page.getErrorMessage().contains("1 to 200"), page.getErrorMessage());
            UiTestSupport.screenshot(dialog.getShell(), "16-preferences-refused");
            fields[0].setText("gallery.example.org");
            fields[1].setText("2200");
            fields[2].setText("24");
            fields[3].setText("200");
            assertTrue(page.isValid());
            assertTrue(page.performOk());
        } finally {
            dialog.close();
        }
        assertEquals(new ConnectionSettings("gallery.example.org", 2200, "alice"), connection.load());
        assertEquals(new ViewPreferences(24, 200), view.get());
        display.readAndDispatch();
    }

    private static Text[] texts(Control root) {
        java.util.List<Text> found = new java.util.ArrayList<>();
        collect(root, found);
        return found.toArray(Text[]::new);
    }

    private static void collect(Control control, java.util.List<Text> found) {
        if (control instanceof Text text) {
            found.add(text);
        } else if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, found);
            }
        }
    }
}
