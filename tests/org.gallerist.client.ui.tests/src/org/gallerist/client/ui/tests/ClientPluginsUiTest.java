package org.gallerist.client.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.client.core.browse.BrowseState;
import org.gallerist.client.ui.browse.DetailsPart;
import org.gallerist.client.ui.browse.GalleryPart;
import org.gallerist.client.ui.extension.DetailsSection;
import org.gallerist.client.ui.extension.ImageAction;
import org.gallerist.client.ui.extension.ImageActionContext;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * The client's extension contract as a plugin meets it, against the real server: ImageAction and DetailsSection
 * services registered while the parts are open appear in the grid's menu and the Details part, run with the
 * selection, survive a plugin that throws, and go when unregistered; the example plugin's "Contact Sheet…" (its
 * bundle is in this test's runtime) draws the selected images.
 */
class ClientPluginsUiTest {
    private static final long WAIT_MS = 60_000;

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false);

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    private <S> ServiceRegistration<S> register(Class<S> type, S service, int ranking) {
        BundleContext context = FrameworkUtil.getBundle(ClientPluginsUiTest.class).getBundleContext();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("service.ranking", ranking);
        ServiceRegistration<S> registration = context.registerService(type, service, properties);
        registrations.add(registration);
        return registration;
    }

    @AfterEach
    void unregister() {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the test unregistered it
            }
        }
    }

    private static List<String> openMenu(GalleryPart gallery) {
        Menu menu = gallery.grid().getMenu();
        menu.notifyListeners(SWT.Show, new Event());
        List<String> labels = new ArrayList<>();
        for (MenuItem item : menu.getItems()) {
            labels.add(item.getText());
        }
        return labels;
    }

    private static void choose(GalleryPart gallery, String label) {
        for (MenuItem item : gallery.grid().getMenu().getItems()) {
            if (item.getText().equals(label)) {
                assertTrue(item.isEnabled(), label + " is enabled");
                item.notifyListeners(SWT.Selection, new Event());
                return;
            }
        }
        throw new AssertionError("no menu item " + label);
    }

    @Test
    void pluginActionsAndSectionsComeRunAndGo() throws Exception {
        UiTestSupport.requireDisplay();
        GalleristSession sara = server.signedUp("sara");
        Display display = Display.getDefault();
        for (int i = 0; i < 3; i++) {
            sara.images().add(new NewImage("Print " + i, "", List.of("sea"), new BigDecimal("4.50"), 2,
                    Visibility.PUBLIC), Pictures.png(display, 50 + i));
        }
        AtomicReference<List<Image>> counted = new AtomicReference<>();
        ImageAction count = new ImageAction() {
            @Override
            public String label() {
                return "Count &Images";
            }

            @Override
            public void run(ImageActionContext context) {
                context.inBackground("counting", session -> session.whoami().name(), name -> counted.set(
                        context.selection()));
            }
        };
        ImageAction broken = new ImageAction() {
            @Override
            public String label() {
                return "Broken Plugin";
            }

            @Override
            public void run(ImageActionContext context) {
                throw new IllegalStateException("the plugin's own bug");
            }
        };
        List<Optional<ImageData>> previews = new ArrayList<>();
        DetailsSection section = new DetailsSection() {
            @Override
            public String title() {
                return "Test Section";
            }

            @Override
            public View create(Composite parent) {
                parent.setLayout(new org.eclipse.swt.layout.FillLayout());
                Label label = new Label(parent, SWT.NONE);
                return (image, preview) -> {
                    label.setText(image.map(Image::name).orElse("none") + (preview.isPresent() ? " with preview" : ""));
                    previews.add(preview);
                };
            }
        };

        try (PartWindow window = new PartWindow(server, sara, "Gallery", 900, 520)) {
            GalleryPart gallery = window.open(GalleryPart.class);
            UiTestSupport.spinUntil(display, () -> !gallery.isLoading() && gallery.grid().items().size() == 3,
                    WAIT_MS, "the three images");
            gallery.grid().selectAll();
            List<String> before = openMenu(gallery);
            assertTrue(before.contains("Contact &Sheet\u2026"), "the example plugin's action: " + before);
            assertFalse(before.contains("Count &Images"));

            register(ImageAction.class, count, 20);
            ServiceRegistration<ImageAction> brokenRegistration = register(ImageAction.class, broken, 0);
            List<String> labels = openMenu(gallery);
            int contactSheet = labels.indexOf("Contact &Sheet\u2026");
            assertTrue(labels.indexOf("Count &Images") < contactSheet && contactSheet < labels.indexOf("Broken Plugin"),
                    "ordered by ranking: " + labels);
            choose(gallery, "Count &Images");
            UiTestSupport.spinUntil(display, () -> counted.get() != null, WAIT_MS, "the plugin's job");
            assertEquals(3, counted.get().size());

            choose(gallery, "Broken Plugin");
            Label countLabel = UiTestSupport.widget(window.shell, Label.class, GalleryPart.WidgetName.COUNT);
            assertTrue(countLabel.getText().contains("\"Broken Plugin\" failed"), countLabel.getText());
            brokenRegistration.unregister();
            assertFalse(openMenu(gallery).contains("Broken Plugin"), "gone with its service");

            NestedDialog sheet = NestedDialog.whenOpen(display, "Contact Sheet (3 images)", shell -> {
                UiTestSupport.screenshot(shell, "plugin-contact-sheet");
                press(UiTestSupport.dialogButton(shell, IDialogConstants.CLOSE_ID));
            });
            openMenu(gallery);
            choose(gallery, "Contact &Sheet\u2026");
            UiTestSupport.spinUntil(display, sheet::settled, WAIT_MS, "the contact sheet");
            sheet.rethrow();
        }

        register(DetailsSection.class, section, 0);
        GalleristSession again = server.logIn("sara"); // closing a window closes its session
        try (PartWindow window = new PartWindow(server, again, "Details", 420, 760)) {
            DetailsPart details = window.open(DetailsPart.class);
            assertEquals(List.of("Test Section"), details.pluginSectionTitles());
            Image first = again.images().list(org.gallerist.api.image.ImageQuery.all()).items().get(0);
            window.context.get(BrowseState.class).show(first);
            UiTestSupport.spinUntil(display, () -> details.hasPreview() && previews.stream()
                    .anyMatch(Optional::isPresent), WAIT_MS, "the preview reaching the section");
            UiTestSupport.screenshot(window.shell, "plugin-details-section");
            registrations.get(registrations.size() - 1).unregister();
            UiTestSupport.spinUntil(display, () -> details.pluginSectionTitles().isEmpty(), WAIT_MS,
                    "the section gone with its service");
        }
    }

    private static void press(org.eclipse.swt.widgets.Button button) {
        button.notifyListeners(SWT.Selection, new Event());
    }
}
