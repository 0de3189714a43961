package org.gallerist.client.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.ImageQuery;
import org.gallerist.client.core.ClientHome;
import org.gallerist.client.core.ClientTopics;
import org.gallerist.client.core.Connection;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.core.cart.Cart;
import org.gallerist.client.core.cart.CartFollowsSession;
import org.gallerist.client.core.upload.FileNames;
import org.gallerist.client.core.upload.FileResult;
import org.gallerist.client.core.upload.UploadForm;
import org.gallerist.client.ui.cart.AddToCartHandler;
import org.gallerist.client.ui.cart.CartPart;
import org.gallerist.client.ui.upload.UploadDialog;
import org.gallerist.tests.harness.FixtureTools;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.EventHandler;

/**
 * The upload dialog and the Cart part in real windows against the real server bundles: a seller uploads six
 * images, a buyer fills a cart, is refused more than the stock, removes a line, meets a short line, checks out.
 */
class ShopUiTest {
    private static final long NETWORK_TIMEOUT_MS = 120_000;

    @TempDir
    Path temp;

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh();

    private Display display;
    private final List<SessionModel> sessions = new ArrayList<>();
    private final List<Object> imagesChanged = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        UiTestSupport.requireDisplay();
        display = Display.getDefault();
    }

    @AfterEach
    void tearDown() throws Exception {
        sessions.forEach(SessionModel::close);
    }

    private SessionModel logIn(String user) {
        GalleristSession session = server.signedUp(user);
        SessionModel model = new SessionModel();
        model.open(new Connection(session, session.whoami()));
        sessions.add(model);
        return model;
    }

    /** Records what the parts post; the real broker needs a running workbench. */
    private IEventBroker recordingBroker() {
        return new IEventBroker() {
            @Override
            public boolean send(String topic, Object data) {
                return post(topic, data);
            }

            @Override
            public boolean post(String topic, Object data) {
                if (ClientTopics.IMAGES_CHANGED.equals(topic)) {
                    imagesChanged.add(data);
                }
                return true;
            }

            @Override
            public boolean subscribe(String topic, EventHandler eventHandler) {
                return false;
            }

            @Override
            public boolean subscribe(String topic, String filter, EventHandler eventHandler, boolean headers) {
                return false;
            }

            @Override
            public boolean unsubscribe(EventHandler eventHandler) {
                return false;
            }
        };
    }

    private List<Path> sixImages() throws Exception {
        Path photos = Path.of(System.getProperty("gallerist.shared", "/work/shared")).resolve("photos");
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(photos)) {
            for (String name : List.of("rocket.jpg", "chelsea.png", "motorcycle_left.png", "motorcycle_right.png")) {
                if (Files.isRegularFile(photos.resolve(name))) {
                    files.add(photos.resolve(name));
                }
            }
        }
        for (int i = 0; files.size() < 5; i++) {
            files.add(generated(temp.resolve("generated_pattern-" + i + ".png"), i));
        }
        Path titled = generated(temp.resolve("titled_pattern.png"), 7);
        FixtureTools.make(titled, "exiftool", "-q", "-overwrite_original", "-XMP-dc:Title=Harbour at dawn",
                titled.toString());
        files.add(titled);
        return files;
    }

    private static Path generated(Path file, int seed) {
        ImageData data = new ImageData(320, 240, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        for (int y = 0; y < data.height; y++) {
            for (int x = 0; x < data.width; x++) {
                int stripe = ((x / (16 + seed * 8)) + (y / (12 + seed * 5))) % 2;
                data.setPixel(x, y, stripe == 0 ? (x * 255 / data.width) << 16 | (seed * 60 % 255) << 8 | y
                        : (255 - y) << 8 | (seed * 90 % 255));
            }
        }
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { data };
        loader.save(file.toString(), SWT.IMAGE_PNG);
        return file;
    }

    /** Replaces the text of the dialog's field as typing would: the field's listeners hear it. */
    private static void typeInto(Shell shell, UploadDialog.WidgetName field, String text) {
        UiTestSupport.widget(shell, Text.class, field).setText(text);
    }

    private static void press(Button button) {
        assertTrue(button.isEnabled(), button.getText() + " is enabled");
        button.notifyListeners(SWT.Selection, new Event());
    }

    @Test
    void uploadsSixImagesThenBuysTwoOfThemThroughTheCart() throws Exception {
        SessionModel seller = logIn("alice");
        List<Path> files = sixImages();

        UploadDialog dialog = new UploadDialog(null, seller, recordingBroker(), files);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            Shell shell = dialog.getShell();
            UploadForm form = dialog.form();
            Button upload = UiTestSupport.dialogButton(shell, IDialogConstants.OK_ID);
            Label progress = UiTestSupport.widget(shell, Label.class, UploadDialog.WidgetName.PROGRESS);
            assertEquals(6, form.items().size());
            assertEquals(6, UiTestSupport.widget(shell, Table.class, UploadDialog.WidgetName.FILES)
                    .getItemCount(), "a row per file");
            form.describe(0, "Rocket launch", "A rocket lifting off at dusk");
            typeInto(shell, UploadDialog.WidgetName.TAGS, "Test Photos, shop ");
            typeInto(shell, UploadDialog.WidgetName.PRICE, "2.5");
            typeInto(shell, UploadDialog.WidgetName.QUANTITY, "x");
            assertFalse(upload.isEnabled(), "a bad quantity keeps Upload disabled");
            assertEquals("Invalid quantity 'x': use a whole number, 0 or more.", dialog.getErrorMessage());
            typeInto(shell, UploadDialog.WidgetName.QUANTITY, "3");
            UiTestSupport.screenshot(shell, "10-upload-dialog");

            press(upload);
            UiTestSupport.spinUntil(display, () -> form.phase() == UploadForm.Phase.DONE, NETWORK_TIMEOUT_MS,
                    "the uploads");
            UiTestSupport.settle(display, 200);
            UiTestSupport.screenshot(shell, "11-upload-results");

            List<FileResult> results = form.progress().results();
            assertEquals(6, results.size());
            assertEquals(6, UiTestSupport.widget(shell, Table.class, UploadDialog.WidgetName.RESULTS)
                    .getItemCount(), "a result row per file");
            for (FileResult result : results) {
                assertTrue(result.uploaded(), result.file() + ": " + result.summary());
            }
            assertEquals("Rocket launch", results.get(0).image().name(), "as typed");
            assertEquals("Harbour at dawn", results.get(5).image().name(), "a suggested name gives way to the title");
            assertEquals(FileNames.defaultName(results.get(4).file()), results.get(4).image().name(),
                    "without a title, the suggested name");
            assertEquals(List.of("shop", "test photos"), results.get(0).image().tags());
            assertEquals(new BigDecimal("2.50"), results.get(0).image().price());
            assertTrue(progress.getText().startsWith("Uploaded 6 of 6"), progress.getText());
            assertEquals(1, imagesChanged.size(), "the gallery is told once");
            assertEquals(6, ((List<?>) imagesChanged.get(0)).size());

            Button addSuggested = UiTestSupport.widget(shell, Button.class, UploadDialog.WidgetName.ADD_SUGGESTED_TAGS);
            if (addSuggested.isEnabled()) {
                press(addSuggested);
                UiTestSupport.spinUntil(display, () -> form.progress().results().stream()
                        .allMatch(result -> result.newSuggestedTags().isEmpty()), NETWORK_TIMEOUT_MS,
                        "the suggested tags");
            }
        } finally {
            dialog.close();
        }
        GalleristSession alice = seller.session().orElseThrow();
        List<Image> listed = alice.images().list(new ImageQuery(List.of("shop"), false, "", true, 60, null)).items();
        assertEquals(6, listed.size(), "all six are on the server with the shared tag");
        assertTrue(listed.stream().allMatch(image -> image.quantity() == 3));

        buyThroughTheCart(alice, listed);
    }

    private void buyThroughTheCart(GalleristSession alice, List<Image> forSale) throws Exception {
        SessionModel buyer = logIn("bob");
        GalleristSession bob = buyer.session().orElseThrow();
        Cart cart = new Cart();
        Runnable stopFollowing = CartFollowsSession.follow(cart, buyer, new ClientHome(temp.resolve("client")));
        Image rocket = forSale.stream().filter(image -> image.name().equals("Rocket launch")).findFirst().orElseThrow();
        Image other = forSale.stream().filter(image -> image.id() != rocket.id()).findFirst().orElseThrow();

        Shell window = new Shell(display);
        window.setText("Cart");
        window.setLayout(new FillLayout());
        Composite partArea = new Composite(window, SWT.NONE);
        CartPart part = new CartPart(cart, buyer, recordingBroker());
        part.createControls(partArea);
        TableViewer viewer = (TableViewer) UiTestSupport.widget(partArea, Table.class, CartPart.WidgetName.LINES)
                .getData(CartPart.VIEWER);
        Label total = UiTestSupport.widget(partArea, Label.class, CartPart.WidgetName.TOTAL);
        Label message = UiTestSupport.widget(partArea, Label.class, CartPart.WidgetName.MESSAGE);
        Button remove = UiTestSupport.widget(partArea, Button.class, CartPart.WidgetName.REMOVE);
        Button checkout = UiTestSupport.widget(partArea, Button.class, CartPart.WidgetName.CHECKOUT);
        window.setSize(760, 460);
        window.open();
        try {
            AtomicReference<AddToCartHandler.News> news = new AtomicReference<>();
            for (Image image : List.of(rocket, rocket, other)) {
                news.set(null);
                AddToCartHandler.addInJob(image.id(), bob, cart, display::asyncExec, news::set);
                UiTestSupport.spinUntil(display, () -> news.get() != null, NETWORK_TIMEOUT_MS, "adding to the cart");
                assertFalse(news.get().error(), news.get().message());
            }
            assertEquals(2, cart.quantity(rocket.id()));
            assertEquals(1, cart.quantity(other.id()));
            UiTestSupport.spinUntil(display, () -> total.getText().equals("Total: 7.50  (3 items)"),
                    NETWORK_TIMEOUT_MS, "the total");
            assertEquals(2, viewer.getTable().getItemCount());

            // Typed into the quantity cell as a user would: the cell editor opens, takes "5", Enter applies it.
            viewer.editElement(cart.line(rocket.id()).orElseThrow(), 2);
            assertTrue(viewer.isCellEditorActive(), "the quantity cell opens for editing");
            Text cell = Arrays.stream(viewer.getTable().getChildren()).filter(Text.class::isInstance)
                    .map(Text.class::cast).filter(Text::isVisible).findFirst().orElseThrow();
            assertEquals("2", cell.getText());
            cell.setText("5");
            cell.notifyListeners(SWT.DefaultSelection, new Event());
            assertEquals("Only 3 of 'Rocket launch' in stock.", message.getText());
            assertEquals(2, cart.quantity(rocket.id()), "refused, unchanged");
            UiTestSupport.settle(display, 1_500);
            UiTestSupport.screenshot(window, "20-cart-refused");

            viewer.setSelection(new StructuredSelection(cart.line(other.id()).orElseThrow()));
            press(remove);
            assertFalse(cart.contains(other.id()));
            UiTestSupport.spinUntil(display, () -> viewer.getTable().getItemCount() == 1, NETWORK_TIMEOUT_MS,
                    "the removed line to go");

            // Someone else buys meanwhile: only 1 is left, so the cart's 2 are short.
            alice.images().update(rocket.id(), new ImageChanges(null, null, null, null, 1, null));
            press(checkout);
            UiTestSupport.spinUntil(display, () -> !part.isBusy(), NETWORK_TIMEOUT_MS, "the checkout");
            String shortMessage = message.getText();
            assertTrue(shortMessage.contains("'Rocket launch': 1 in stock, 2 in the cart"), shortMessage);
            assertEquals(1, cart.line(rocket.id()).orElseThrow().stock(), "stock refreshed from the server");
            UiTestSupport.screenshot(window, "21-cart-short");

            part.editQuantity(cart.line(rocket.id()).orElseThrow(), "1");
            press(checkout);
            UiTestSupport.spinUntil(display, () -> !part.isBusy(), NETWORK_TIMEOUT_MS, "the checkout");
            String placed = message.getText();
            assertTrue(placed.startsWith("Thank you! Order #"), placed);
            assertTrue(placed.contains("total 2.50"), placed);
            assertTrue(cart.isEmpty());
            UiTestSupport.spinUntil(display, () -> total.getText().equals("The cart is empty."),
                    NETWORK_TIMEOUT_MS, "the empty cart");
            assertEquals(0, alice.images().show(rocket.id()).quantity(), "stock went down on the server");
            assertEquals(3, alice.images().show(other.id()).quantity());
            assertEquals(1, bob.shop().orders().size());
            assertTrue(imagesChanged.contains(List.of(rocket.id())), imagesChanged.toString());
            UiTestSupport.screenshot(window, "22-cart-checked-out");
        } finally {
            part.dispose();
            window.dispose();
            stopFollowing.run();
        }
    }

    @Test
    void theCartComesBackAfterARestartForTheSameUser() throws Exception {
        SessionModel seller = logIn("carol");
        Image image = seller.session().orElseThrow().images().add(
                new org.gallerist.api.image.NewImage("Pattern", "", List.of(), new BigDecimal("1.20"), 4,
                        org.gallerist.api.image.Visibility.PUBLIC),
                Files.readAllBytes(generated(temp.resolve("p.png"), 7)));
        ClientHome home = new ClientHome(temp.resolve("client"));
        Cart first = new Cart();
        Runnable stop = CartFollowsSession.follow(first, seller, home);
        first.add(image);
        first.add(image);
        stop.run();

        Cart restarted = new Cart();
        CartFollowsSession.follow(restarted, seller, home);
        assertEquals(2, restarted.quantity(image.id()));
        assertEquals(new BigDecimal("2.40"), restarted.total());
        try (Stream<Path> saved = Files.list(home.folder().resolve("carts"))) {
            assertEquals(List.of("carol@127.0.0.1_" + server.address().port() + ".properties"),
                    saved.map(file -> file.getFileName().toString()).toList());
        }
    }
}
