package org.gallerist.client.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.User;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.TagCount;
import org.gallerist.api.image.Visibility;
import org.gallerist.client.core.admin.AccountAction;
import org.gallerist.client.ui.admin.AdminDialog;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Admin dialog against the real server: an account disabled (it can no longer log in) and enabled, the admin's
 * own row offering nothing, two tags merged and one deleted, and the Server page filled in.
 */
class AdminUiTest {
    private static final long WAIT_MS = 60_000;

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false);

    @Test
    void disablesAccountsMergesTagsAndShowsTheServer() throws Exception {
        UiTestSupport.requireDisplay();
        GalleristSession alice = server.signedUpAdmin("alice");
        GalleristSession bob = server.signedUp("bob");
        server.signUp("carol");
        Display display = Display.getDefault();
        bob.images().add(new NewImage("Beach", "", List.of("sea", "sand"), BigDecimal.ONE, 1, Visibility.PUBLIC),
                Pictures.png(display, 10));
        bob.images().add(new NewImage("Waves", "", List.of("ocean"), BigDecimal.ONE, 1, Visibility.PUBLIC),
                Pictures.png(display, 20));
        try (PartWindow window = new PartWindow(server, alice, "Admin", 400, 200)) {
            AdminDialog dialog = new AdminDialog(window.shell, window.model);
            dialog.setBlockOnOpen(false);
            dialog.open();
            UiTestSupport.spinUntil(display, () -> !dialog.users().isLoading() && !dialog.tags().isLoading(),
                    WAIT_MS, "accounts and tags");
            assertEquals(List.of("alice", "bob", "carol"), dialog.users().users().stream().map(User::name).toList());
            dialog.users().select("alice");
            for (AccountAction action : AccountAction.values()) {
                assertFalse(dialog.users().isOffered(action), "nothing on the admin's own row: " + action);
            }
            dialog.users().select("bob");
            assertTrue(dialog.users().isOffered(AccountAction.DISABLE));
            dialog.users().apply(AccountAction.DISABLE, "bob");
            UiTestSupport.spinUntil(display, () -> !dialog.users().isLoading()
                    && dialog.users().users().get(1).disabled(), WAIT_MS, "bob disabled");
            assertTrue(dialog.getMessage().contains("bob is disabled"), dialog.getMessage());
            GalleristException refused = org.junit.jupiter.api.Assertions.assertThrows(GalleristException.class,
                    () -> server.logIn("bob"));
            assertEquals(ErrorCode.UNAUTHORIZED, refused.code());
            dialog.users().select("bob");
            UiTestSupport.screenshot(dialog.getShell(), "admin");
            dialog.users().apply(AccountAction.ENABLE, "bob");
            UiTestSupport.spinUntil(display, () -> !dialog.users().isLoading()
                    && !dialog.users().users().get(1).disabled(), WAIT_MS, "bob enabled");

            TabFolder tabs = UiTestSupport.widget(dialog.getShell(), TabFolder.class, AdminDialog.WidgetName.TABS);
            tabs.setSelection(1);
            dialog.tags().rename("sea", "ocean");
            UiTestSupport.spinUntil(display, () -> !dialog.tags().isLoading() && dialog.getMessage().startsWith(
                    "Merged"), WAIT_MS, "the merge");
            dialog.tags().delete("sand");
            UiTestSupport.spinUntil(display, () -> !dialog.tags().isLoading() && dialog.getMessage().startsWith(
                    "Deleted"), WAIT_MS, "the deletion");
            assertEquals(Map.of("ocean", 2L), dialog.tags().tags().stream()
                    .collect(Collectors.toMap(TagCount::tag, TagCount::count)));
            UiTestSupport.screenshot(dialog.getShell(), "admin-tags");

            tabs.setSelection(2);
            dialog.loadServer();
            Composite page = UiTestSupport.widget(dialog.getShell(), Composite.class, AdminDialog.WidgetName.SERVER);
            UiTestSupport.spinUntil(display, () -> page.getChildren().length >= 10, WAIT_MS, "the server page");
            List<String> texts = List.of(page.getChildren()).stream().map(control -> ((Label) control).getText())
                    .toList();
            assertTrue(texts.contains("3 (1 admin, 0 disabled)"), texts.toString());
            assertTrue(texts.contains("Running since:") && texts.get(texts.indexOf("Version:") + 1).startsWith("0."),
                    texts.toString());
            UiTestSupport.screenshot(dialog.getShell(), "admin-server");
            dialog.close();
        }
    }
}
