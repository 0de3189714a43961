package org.gallerist.client.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;

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
import org.eclipse.swt.widgets.Text;
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
import org.gallerist.tests.harness.SharedModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Details part on the default server: what the built-in model saw, and the owner turning a label into a tag. */
class SeenByModelUiTest {

    private static final long WAIT_MS = 90_000;

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh();

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
    void theOwnerSeesTheModelsLabelsAndMakesOneATag() throws Exception {
        UiTestSupport.requireDisplay();
        byte[] cat = Files.readAllBytes(SharedModel.photo("chelsea.png"));
        GalleristSession alice = server.signedUp("alice");
        UiTestSupport.spinUntil(display, () -> alice.images().similarityStatus().embedder().startsWith("onnx:"),
                WAIT_MS, "the built-in model is loaded");
        Image image = alice.images().add(new NewImage("Chelsea", "On the sofa", List.of("pets"), BigDecimal.TEN, 1,
                Visibility.PUBLIC), cat);

        model = new SessionModel();
        model.open(new Connection(alice, alice.whoami()));
        window = EclipseContextFactory.create("test window of alice");
        window.set(SessionModel.class, model);
        window.set(ClientHome.class, new ClientHome(server.folder().resolve("alice-home")).ensureExists());
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
        Label seen = UiTestSupport.widget(shell, Label.class, DetailsPart.WidgetName.SEEN);
        UiTestSupport.spinUntil(display, () -> details.hasPreview() && seen.getText().contains("cat"), WAIT_MS,
                "what the model saw in the cat");
        assertTrue(seen.getText().startsWith("Seen by the model: "), seen.getText());
        Button addTag = UiTestSupport.widget(shell, Button.class, DetailsPart.WidgetName.ADD_TAG);
        UiTestSupport.settle(display, 300);
        UiTestSupport.screenshot(shell, "16-seen-by-the-model");

        String tag = addTag.getText().replaceAll("^Tag \u201c|\u201d$", "");
        addTag.notifyListeners(SWT.Selection, new Event());
        UiTestSupport.spinUntil(display, () -> alice.images().show(image.id()).tags().contains(tag), WAIT_MS,
                "the label became a tag on the server");
        Text tags = UiTestSupport.widget(shell, Text.class, DetailsPart.WidgetName.TAGS);
        UiTestSupport.spinUntil(display, () -> tags.getText().contains(tag), WAIT_MS, "the part shows the new tag");
        assertTrue(alice.images().show(image.id()).tags().contains("pets"), "the other tags stay");
    }
}
