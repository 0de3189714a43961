package org.gallerist.client.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.gallerist.api.account.AuthorizedKey;
import org.gallerist.api.client.Credentials;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.client.ui.keys.KeysDialog;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.OpenSsh;
import org.gallerist.tests.harness.SshKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Keys dialog against the real server: a key added from an ssh-keygen file, a key pair made by the dialog that
 * then logs in, a key removed, and a file that holds no key refused with the list unchanged.
 */
class KeysUiTest {
    private static final long WAIT_MS = 60_000;

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false);

    @TempDir
    Path temp;

    @Test
    void addsGeneratesListsAndRemovesKeys() throws Exception {
        UiTestSupport.requireDisplay();
        OpenSsh.assumeInstalled();
        SshKeys.KeyPair laptop = SshKeys.generate(temp, "laptop_ed25519", "ed25519", "laptop phrase");
        GalleristSession dana = server.signedUp("dana");
        Display display = Display.getDefault();
        try (PartWindow window = new PartWindow(server, dana, "Keys", 400, 200)) {
            KeysDialog dialog = new KeysDialog(window.shell, window.model, server.client().keyFiles());
            dialog.setBlockOnOpen(false);
            dialog.open();
            Table table = UiTestSupport.widget(dialog.getShell(), Table.class, KeysDialog.WidgetName.KEYS);
            UiTestSupport.spinUntil(display, () -> !dialog.isLoading(), WAIT_MS, "the empty list");
            assertTrue(dialog.getMessage().startsWith("No keys yet"), dialog.getMessage());

            dialog.add(laptop.privateKey()); // the private key chosen: its .pub beside it is read, no passphrase
            UiTestSupport.spinUntil(display, () -> table.getItemCount() == 1, WAIT_MS, "the added key");
            Path made = temp.resolve("made/id_gallerist_ed25519");
            dialog.generate(made, "new phrase".toCharArray(), "dana@test");
            UiTestSupport.spinUntil(display, () -> table.getItemCount() == 2, WAIT_MS, "the generated key");
            assertTrue(dialog.getMessage().contains("Made " + made), dialog.getMessage());
            assertEquals(List.of("laptop_ed25519@test", "dana@test"),
                    dialog.keys().stream().map(AuthorizedKey::comment).toList());
            assertTrue(table.getItem(1).getText(1).startsWith("SHA256:"), table.getItem(1).getText(1));
            table.select(1);
            table.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
            UiTestSupport.screenshot(dialog.getShell(), "keys");

            try (GalleristSession byNewKey = server.logIn(new Credentials.KeyFile("dana", made,
                    "new phrase".toCharArray()), server.address())) {
                assertEquals("dana", byNewKey.whoami().name());
            }

            dialog.add(temp.resolve("made")); // a folder, not a key file
            UiTestSupport.spinUntil(display, () -> dialog.getErrorMessage() != null, WAIT_MS, "the refusal");
            assertFalse(dialog.getErrorMessage().contains("Exception"), dialog.getErrorMessage());
            assertEquals(2, dana.keys().size(), "nothing added");

            Path lone = temp.resolve("lone_ed25519");
            SshKeys.generate(temp, "lone_ed25519", "ed25519", "lone phrase");
            Files.delete(temp.resolve("lone_ed25519.pub"));
            dialog.add(lone, "lone phrase".toCharArray()); // the passphrase the prompt asks for when no .pub is beside
            UiTestSupport.spinUntil(display, () -> table.getItemCount() == 3, WAIT_MS, "the key read with its phrase");

            dialog.remove(dialog.keys().get(0));
            UiTestSupport.spinUntil(display, () -> table.getItemCount() == 2, WAIT_MS, "the removal");
            assertEquals("dana@test", dana.keys().get(0).comment());
            assertTrue(UiTestSupport.widget(dialog.getShell(), Button.class, KeysDialog.WidgetName.ADD).isEnabled());
            dialog.close();
        }
    }
}
