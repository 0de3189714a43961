package org.gallerist.client.ui.tests;

import static org.gallerist.tests.harness.FixtureTools.make;
import static org.gallerist.tests.harness.FixtureTools.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.client.core.ClientHome;
import org.gallerist.client.core.Connection;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.core.browse.BrowseState;
import org.gallerist.client.ui.browse.DetailsPart;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Details part shows the owner how a photo was taken, as its file says (made by exiftool): uploaded without a name
 * or tags, it is named and tagged from its XMP too.
 */
class CameraFactsUiTest {

    private static final long WAIT_MS = 60_000;

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false);

    private final Display display = Display.getDefault();
    private Shell shell;
    private IEclipseContext window;
    private SessionModel model;

    @AfterEach
    void tearDown() {
        if (shell != null) {
            shell.dispose();
        }
        if (window != null) {
            window.dispose();
        }
        if (model != null) {
            model.close();
        }
    }

    @Test
    void theOwnerSeesTheCameraAndTheNameFromTheFile() throws Exception {
        UiTestSupport.requireDisplay();
        Path folder = server.folder();
        Path photo = make(folder.resolve("pier.jpg"), "convert", "-size", "900x600", "gradient:skyblue-navy",
                "-quality", "90", folder.resolve("pier.jpg").toString());
        output("exiftool", "-q", "-m", "-overwrite_original", "-XMP-dc:Title=Pier at noon", "-XMP-dc:Subject=Sea",
                "-Make=NIKON CORPORATION", "-Model=NIKON Z 6_2", "-LensModel=NIKKOR Z 24-70mm f/4 S",
                "-DateTimeOriginal=2025:07:14 12:01:02", "-ExposureTime=0.002", "-FNumber=8", "-FocalLength=24",
                "-ISO=100", photo.toString());
        GalleristSession alice = server.signedUp("alice");
        Image image = alice.images().add(new NewImage(null, "", java.util.List.of(), java.math.BigDecimal.ONE, 1,
                Visibility.PUBLIC), Files.readAllBytes(photo));
        assertEquals("Pier at noon", image.name());
        assertEquals(java.util.List.of("sea"), image.tags());

        model = new SessionModel();
        model.open(new Connection(alice, alice.whoami()));
        window = EclipseContextFactory.create("test window of alice");
        window.set(SessionModel.class, model);
        window.set(ClientHome.class, new ClientHome(folder.resolve("alice-home")).ensureExists());
        BrowseState browse = new BrowseState();
        window.set(BrowseState.class, browse);
        shell = new Shell(display);
        shell.setText("Details \u2014 alice");
        shell.setBounds(0, 0, 380, 860);
        shell.setLayout(new FillLayout());
        Composite area = new Composite(shell, SWT.NONE);
        area.setLayout(new FillLayout());
        IEclipseContext partContext = window.createChild("details");
        partContext.set(Composite.class, area);
        DetailsPart details = ContextInjectionFactory.make(DetailsPart.class, partContext);
        shell.open();

        browse.show(image);
        Label camera = UiTestSupport.widget(shell, Label.class, DetailsPart.WidgetName.CAMERA);
        UiTestSupport.spinUntil(display, () -> details.hasPreview() && !camera.getText().isEmpty(), WAIT_MS,
                "the camera's facts");
        assertEquals("Taken 2025-07-14 12:01 \u00b7 NIKON Z 6_2 \u00b7 NIKKOR Z 24-70mm f/4 S \u00b7 1/500 s"
                + " \u00b7 f/8 \u00b7 24 mm \u00b7 ISO 100", camera.getText());
        assertTrue(camera.isVisible());
        Button share = UiTestSupport.widget(shell, Button.class, DetailsPart.WidgetName.SHARE_CAMERA);
        assertTrue(share.isVisible() && !share.getSelection(), "the owner may share it; nobody else sees it yet");
        GalleristSession bob = server.signedUp("bob");
        assertTrue(bob.images().details(image.id()).photo().isEmpty());
        UiTestSupport.settle(display, 300);
        UiTestSupport.screenshot(shell, "18-camera-facts");

        share.setSelection(true);
        share.notifyListeners(SWT.Selection, new Event());
        UiTestSupport.spinUntil(display, () -> "NIKON Z 6_2".equals(bob.images().details(image.id()).photo()
                .cameraModel()), WAIT_MS, "everyone who sees the image sees the camera");
        Label message = UiTestSupport.widget(shell, Label.class, DetailsPart.WidgetName.MESSAGE);
        UiTestSupport.spinUntil(display, () -> message.getText().contains("Everyone"), WAIT_MS, "the part says so");
    }
}
