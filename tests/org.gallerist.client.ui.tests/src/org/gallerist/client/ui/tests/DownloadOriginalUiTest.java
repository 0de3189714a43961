package org.gallerist.client.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.api.order.OrderRequest;
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
 * In a real window against the real server: the Details part offers a buyer-to-be "Save preview…" (the server gives
 * them no more), and once they have bought the image, "Download original…", which saves the full-size file.
 */
class DownloadOriginalUiTest {

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
    void aBuyerGetsThePreviewUntilTheyBuyThenTheOriginal() throws Exception {
        UiTestSupport.requireDisplay();
        Path folder = server.folder();
        GalleristSession seller = server.signedUp("sara");
        Image print = seller.images().add(new NewImage("Harbour print", "", List.of(), new BigDecimal("3.00"), 1,
                Visibility.PUBLIC), Pictures.png(display, 5, 1600, 1200));
        GalleristSession bruno = server.signedUp("bruno");

        model = new SessionModel();
        model.open(new Connection(bruno, bruno.whoami()));
        window = EclipseContextFactory.create("test window of bruno");
        window.set(SessionModel.class, model);
        window.set(ClientHome.class, new ClientHome(folder.resolve("bruno-home")).ensureExists());
        BrowseState browse = new BrowseState();
        window.set(BrowseState.class, browse);
        shell = new Shell(display);
        shell.setText("Details \u2014 bruno");
        shell.setBounds(0, 0, 420, 760);
        shell.setLayout(new FillLayout());
        Composite area = new Composite(shell, SWT.NONE);
        area.setLayout(new FillLayout());
        IEclipseContext partContext = window.createChild("details");
        partContext.set(Composite.class, area);
        DetailsPart details = ContextInjectionFactory.make(DetailsPart.class, partContext);
        shell.open();

        browse.show(print);
        Button download = UiTestSupport.widget(shell, Button.class, DetailsPart.WidgetName.DOWNLOAD);
        UiTestSupport.spinUntil(display, details::hasPreview, WAIT_MS, "the preview");
        UiTestSupport.settle(display, 500);
        assertEquals("Save pre&view\u2026", download.getText(), "not bought: the preview only");
        Path preview = folder.resolve("saved-preview.jpg");
        details.saveShown(preview);
        UiTestSupport.spinUntil(display, () -> Files.exists(preview) && size(preview) > 0, WAIT_MS, "the preview");
        assertEquals(1024, ImageIO.read(preview.toFile()).getWidth());

        bruno.shop().place(List.of(new OrderRequest(print.id(), 1)));
        browse.show(null);
        browse.show(print);
        UiTestSupport.spinUntil(display, () -> download.getText().contains("original"), WAIT_MS,
                "the original is offered once bought");
        UiTestSupport.settle(display, 300);
        UiTestSupport.screenshot(shell, "download-original");
        Path original = folder.resolve("saved-original.png");
        details.saveShown(original);
        UiTestSupport.spinUntil(display, () -> Files.exists(original) && size(original) > 0, WAIT_MS,
                "the original");
        BufferedImage saved = ImageIO.read(original.toFile());
        assertEquals(1600 + "×" + 1200, saved.getWidth() + "×" + saved.getHeight(), "full size");
        assertTrue(download.isEnabled());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
