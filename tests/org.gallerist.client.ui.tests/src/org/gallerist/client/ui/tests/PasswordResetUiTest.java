package org.gallerist.client.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.client.core.ConnectionSettings;
import org.gallerist.client.core.admin.AccountAction;
import org.gallerist.client.ui.ConnectDialog;
import org.gallerist.client.ui.account.ChangePasswordDialog;
import org.gallerist.client.ui.admin.AdminDialog;
import org.gallerist.client.ui.admin.ResetTokenDialog;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A password reset from end to end in real windows: the admin resets bob's password in the Admin dialog and sees
 * the token once; bob logs in with it in the connect dialog, which asks for a new password before it lets him in;
 * a mismatch is said in the form; the new password then logs in and the token no longer does.
 */
class PasswordResetUiTest {
    private static final long WAIT_MS = 60_000;
    private static final String NEW_PASSWORD = "a-new-long-passphrase-7";

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false);

    private static void press(Button button) {
        assertTrue(button.isEnabled(), button.getText() + " is enabled");
        button.notifyListeners(SWT.Selection, new Event());
    }


    @Test
    void theAdminResetsAndTheUserChoosesANewPasswordOnLogin() throws Exception {
        UiTestSupport.requireDisplay();
        Display display = Display.getDefault();
        GalleristSession alice = server.signedUpAdmin("alice");
        server.signUp("bob");

        AtomicReference<String> token = new AtomicReference<>();
        try (PartWindow window = new PartWindow(server, alice, "Admin", 400, 200)) {
            AdminDialog dialog = new AdminDialog(window.shell, window.model);
            dialog.setBlockOnOpen(false);
            dialog.open();
            UiTestSupport.spinUntil(display, () -> !dialog.users().isLoading(), WAIT_MS, "the accounts");
            dialog.users().select("alice");
            assertFalse(dialog.users().isOffered(AccountAction.RESET_PASSWORD), "not one's own password");
            dialog.users().select("bob");
            assertTrue(dialog.users().isOffered(AccountAction.RESET_PASSWORD));
            NestedDialog shown = NestedDialog.whenOpen(display, "Password Reset", shell -> {
                token.set(UiTestSupport.widget(shell, Text.class, ResetTokenDialog.WidgetName.TOKEN).getText());
                UiTestSupport.screenshot(shell, "admin-reset");
                press(UiTestSupport.dialogButton(shell, IDialogConstants.OK_ID));
            });
            dialog.users().resetPassword("bob");
            UiTestSupport.spinUntil(display, () -> token.get() != null || shown.settled(), WAIT_MS, "the token");
            shown.rethrow();
            UiTestSupport.spinUntil(display, () -> !dialog.users().isLoading(), WAIT_MS, "the reload");
            assertTrue(dialog.getMessage().contains("bob is reset"), dialog.getMessage());
            dialog.close();
        }
        assertTrue(token.get().matches("[a-z2-9]{5}(-[a-z2-9]{5}){3}"), token.get());

        ConnectionSettings settings = new ConnectionSettings("127.0.0.1", server.address().port(), "bob");
        ConnectDialog connect = new ConnectDialog(null, server.client(), server.knownHosts(),
                GalleristServerExtension.TRUST_ALL, settings);
        connect.setBlockOnOpen(false);
        connect.open();
        try {
            UiTestSupport.widget(connect.getShell(), Text.class, ConnectDialog.WidgetName.PASSWORD).setText(token.get());
            AtomicReference<String> mismatch = new AtomicReference<>();
            NestedDialog chosen = NestedDialog.whenOpen(display, "Choose a New Password", shell -> {
                assertFalse(UiTestSupport.has(shell, Text.class, ChangePasswordDialog.WidgetName.CURRENT),
                        "the token already proves it");
                type(shell, ChangePasswordDialog.WidgetName.NEW, NEW_PASSWORD);
                type(shell, ChangePasswordDialog.WidgetName.REPEAT, NEW_PASSWORD + "x");
                UiTestSupport.screenshot(shell, "password-change");
                press(UiTestSupport.dialogButton(shell, IDialogConstants.OK_ID));
                mismatch.set(((TitleAreaDialog) shell.getData()).getErrorMessage());
                type(shell, ChangePasswordDialog.WidgetName.REPEAT, NEW_PASSWORD);
                press(UiTestSupport.dialogButton(shell, IDialogConstants.OK_ID));
            });
            press(UiTestSupport.dialogButton(connect.getShell(), IDialogConstants.OK_ID));
            UiTestSupport.spinUntil(display, () -> connect.connection().isPresent() || chosen.settled(),
                    WAIT_MS, "bob logged in with a new password");
            chosen.rethrow();
            assertEquals("The two new passwords differ.", mismatch.get());
            GalleristSession bob = connect.connection().orElseThrow().session();
            assertFalse(bob.passwordChangeRequired());
            assertTrue(bob.keys().isEmpty(), "the session may do everything again");
            bob.close();
        } finally {
            if (connect.getShell() != null && !connect.getShell().isDisposed()) {
                connect.close();
            }
        }
        server.logIn("bob", NEW_PASSWORD.toCharArray()).close();
        assertThrowsUnauthorized(() -> server.logIn("bob", token.get().toCharArray()));
    }

    private static void assertThrowsUnauthorized(Runnable login) {
        org.gallerist.api.GalleristException refused = org.junit.jupiter.api.Assertions.assertThrows(
                org.gallerist.api.GalleristException.class, login::run);
        assertEquals(org.gallerist.api.ErrorCode.UNAUTHORIZED, refused.code());
    }

    private static void type(Shell shell, ChangePasswordDialog.WidgetName field, String text) {
        UiTestSupport.widget(shell, Text.class, field).setText(text);
    }
}
