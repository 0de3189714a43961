package org.gallerist.client.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Label;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.client.core.ClientCommands;
import org.gallerist.client.core.ClientHome;
import org.gallerist.client.core.Connection;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.core.browse.BrowseState;
import org.gallerist.client.core.prefs.ViewPreferences;
import org.gallerist.client.core.prefs.ViewPreferencesStore;
import org.gallerist.client.core.thumbs.ThumbnailCache;
import org.gallerist.client.ui.browse.DetailsPart;
import org.gallerist.client.ui.browse.FindSimilarHandler;
import org.gallerist.client.ui.browse.GalleryPart;
import org.gallerist.client.ui.browse.SearchPart;
import org.gallerist.client.ui.browse.StatusLine;
import org.gallerist.client.ui.browse.TagsPart;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Tags, Gallery, Details and Search parts, created by injection as the workbench creates them, in real windows
 * against the real server bundles, driven through their widgets.
 */
class BrowsePartsUiTest {
    private static final long WAIT_MS = 60_000;
    private static final String[][] PICTURES = {
            { "Red sunset", "sky, evening" }, { "Blue lake", "water" }, { "Green hills", "landscape" },
            { "Night sky", "sky, night" }, { "Harbour lights", "water, night" }, { "Morning fog", "landscape, sky" },
            { "Desert dunes", "landscape" } };

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false); // ranks as the descriptor does

    private Display display;
    private final List<Shell> shells = new ArrayList<>();
    private final List<IEclipseContext> contexts = new ArrayList<>();
    private final List<SessionModel> models = new ArrayList<>();
    private final List<Image> uploaded = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        UiTestSupport.requireDisplay();
        display = Display.getDefault();
        Connection uploader = logIn("alice");
        models.add(uploaderModel(uploader));
        GalleristSession alice = uploader.session();
        for (int i = 0; i < PICTURES.length; i++) {
            List<String> tags = List.of(PICTURES[i][1].split(", "));
            uploaded.add(alice.images().add(new NewImage(PICTURES[i][0], "Picture number " + (i + 1), tags,
                    new BigDecimal(5 + i), i == 2 ? 0 : 3, Visibility.PUBLIC), Pictures.png(display, i + 1)));
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        shells.forEach(Shell::dispose);
        contexts.forEach(IEclipseContext::dispose);
        models.forEach(SessionModel::close);
    }

    private Connection logIn(String user) {
        server.signUp(user);
        return connect(user);
    }

    private Connection connect(String user) {
        GalleristSession session = server.logIn(user);
        return new Connection(session, session.whoami());
    }

    /** What the workbench's application context holds for these parts, for one user. */
    private IEclipseContext window(Connection connection, Path home) {
        SessionModel model = new SessionModel();
        model.open(connection);
        models.add(model);
        ClientHome clientHome = new ClientHome(home).ensureExists();
        ViewPreferencesStore preferences = ViewPreferencesStore.in(clientHome);
        preferences.save(new ViewPreferences(4, 128));
        IEclipseContext context = EclipseContextFactory.create("test window of " + connection.user().name());
        context.set(SessionModel.class, model);
        context.set(ClientHome.class, clientHome);
        context.set(ViewPreferencesStore.class, preferences);
        context.set(BrowseState.class, new BrowseState());
        contexts.add(context);
        return context;
    }

    private static <T> T part(Class<T> type, IEclipseContext window, Composite parent) {
        Composite area = new Composite(parent, SWT.NONE);
        area.setLayout(new FillLayout()); // as the workbench's part and tool control renderers do
        IEclipseContext partContext = window.createChild(type.getSimpleName());
        partContext.set(Composite.class, area);
        return ContextInjectionFactory.make(type, partContext);
    }

    private Shell shell(String title, int width, int height) {
        Shell shell = new Shell(display);
        shell.setText(title);
        shell.setBounds(0, 0, width, height);
        shells.forEach(other -> other.setVisible(false)); // screenshots copy the screen: one window at a time
        shells.add(shell);
        return shell;
    }

    private void spinUntil(java.util.function.BooleanSupplier condition, String what) {
        UiTestSupport.spinUntil(display, condition, WAIT_MS, what);
    }

    private static void press(Button button) {
        assertTrue(button.isEnabled(), button.getText() + " is enabled");
        button.notifyListeners(SWT.Selection, new Event());
    }

    private static void tick(TableItem item) {
        item.setChecked(!item.getChecked());
        Event event = new Event();
        event.detail = SWT.CHECK;
        event.item = item;
        item.getParent().notifyListeners(SWT.Selection, event);
    }

    private static TableItem tagItem(Table tags, String tag) {
        for (TableItem item : tags.getItems()) {
            if (item.getText(0).equals(tag)) {
                return item;
            }
        }
        throw new AssertionError("no tag " + tag);
    }

    private static List<String> names(List<Image> images) {
        return images.stream().map(Image::name).toList();
    }

    private static void key(org.eclipse.swt.widgets.Control control, int keyCode) {
        Event event = new Event();
        event.keyCode = keyCode;
        control.notifyListeners(SWT.KeyDown, event);
    }

    @Test
    void browsesByBatchAndByTagOpensDetailsAndTheOwnerEdits() throws Exception {
        IEclipseContext window = window(connect("alice"), server.folder().resolve("alice-home"));
        Shell shell = shell("Gallerist \u2014 alice", 1280, 800);
        shell.setLayout(new GridLayout());
        SashForm sash = new SashForm(shell, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        TagsPart tags = part(TagsPart.class, window, sash);
        GalleryPart gallery = part(GalleryPart.class, window, sash);
        DetailsPart details = part(DetailsPart.class, window, sash);
        sash.setWeights(20, 52, 28);
        Composite bottom = new Composite(shell, SWT.NONE);
        bottom.setLayoutData(new GridData(SWT.FILL, SWT.END, true, false));
        bottom.setLayout(new FillLayout());
        StatusLine status = part(StatusLine.class, window, bottom);
        Table tagTable = UiTestSupport.widget(shell, Table.class, TagsPart.WidgetName.TABLE);
        Text tagFilter = UiTestSupport.widget(shell, Text.class, TagsPart.WidgetName.FILTER);
        Button anyOfThem = UiTestSupport.widget(shell, Button.class, TagsPart.WidgetName.ANY_OF_THEM);
        Button allImages = UiTestSupport.widget(shell, Button.class, TagsPart.WidgetName.ALL_IMAGES);
        Button loadMore = UiTestSupport.widget(shell, Button.class, GalleryPart.WidgetName.LOAD_MORE);
        Label imageCount = UiTestSupport.widget(shell, Label.class, GalleryPart.WidgetName.COUNT);
        Label galleryFilter = UiTestSupport.widget(shell, Label.class, GalleryPart.WidgetName.FILTER);
        Text nameText = UiTestSupport.widget(shell, Text.class, DetailsPart.WidgetName.NAME);
        Text priceText = UiTestSupport.widget(shell, Text.class, DetailsPart.WidgetName.PRICE);
        Text tagsText = UiTestSupport.widget(shell, Text.class, DetailsPart.WidgetName.TAGS);
        Button save = UiTestSupport.widget(shell, Button.class, DetailsPart.WidgetName.SAVE);
        Label detailsMessage = UiTestSupport.widget(shell, Label.class, DetailsPart.WidgetName.MESSAGE);
        shell.open();

        spinUntil(() -> gallery.grid().items().size() == 4 && !tags.isLoading() && tagTable.getItemCount() > 0,
                "the first batch and the tags");
        assertEquals("4 images loaded, more available", imageCount.getText());
        assertEquals(List.of("Desert dunes", "Morning fog", "Harbour lights", "Night sky"),
                names(gallery.grid().items()), "newest first");
        assertEquals("All images", galleryFilter.getText());
        assertEquals("sky", tagItem(tagTable, "sky").getText(0));
        assertEquals("3", tagItem(tagTable, "sky").getText(1));
        assertTrue(status.text().startsWith("Connected as alice to 127.0.0.1:"), status.text());

        press(loadMore);
        spinUntil(() -> gallery.grid().items().size() == 7, "the next batch");
        assertEquals("7 images loaded", imageCount.getText());
        assertFalse(loadMore.isEnabled(), "nothing more to load");
        ThumbnailCache cache = ThumbnailCache.forServer(new ClientHome(server.folder().resolve("alice-home")), server.address());
        spinUntil(() -> cachedThumbnails(cache) >= 4, "thumbnails on disk");
        UiTestSupport.settle(display, 500);
        UiTestSupport.screenshot(shell, "10-gallery");

        tick(tagItem(tagTable, "water"));
        spinUntil(() -> gallery.grid().items().size() == 2 && !gallery.isLoading(), "images tagged water");
        assertEquals("Tagged water", galleryFilter.getText());
        assertEquals(List.of("Harbour lights", "Blue lake"), names(gallery.grid().items()));
        tick(tagItem(tagTable, "night"));
        spinUntil(() -> gallery.grid().items().size() == 1 && !gallery.isLoading(), "water and night");
        assertEquals("Tagged water and night", galleryFilter.getText());
        anyOfThem.setSelection(true);
        anyOfThem.notifyListeners(SWT.Selection, new Event());
        spinUntil(() -> gallery.grid().items().size() == 3 && !gallery.isLoading(), "water or night");
        assertEquals("Tagged water or night", galleryFilter.getText());
        tagFilter.setText("nig");
        assertEquals(List.of("night", "water"), List.of(tagTable.getItems()).stream().map(i -> i.getText(0))
                .sorted().toList(), "the filter keeps ticked tags in view");
        UiTestSupport.screenshot(shell, "11-tag-filter");
        tagFilter.setText("");
        press(allImages);
        spinUntil(() -> gallery.grid().items().size() == 4 && !gallery.isLoading(), "all images again");

        gallery.grid().setFocus();
        key(gallery.grid(), SWT.END);
        spinUntil(() -> gallery.grid().items().size() == 7 && !gallery.isLoading(), "going to the end loads more");
        key(gallery.grid(), SWT.HOME);
        key(gallery.grid(), SWT.ARROW_RIGHT);
        key(gallery.grid(), SWT.CR);
        spinUntil(() -> details.image().isPresent() && details.hasPreview(), "details with a preview");
        Image fog = details.image().get();
        assertEquals("Morning fog", fog.name());
        assertEquals("Morning fog", nameText.getText());
        assertTrue(details.isEditable(), "alice owns it");
        UiTestSupport.screenshot(shell, "12-details-owner");

        priceText.setText("-1");
        press(save);
        assertEquals("The price must not be negative.", detailsMessage.getText());
        priceText.setText("7.25");
        nameText.setText("Morning fog over the river");
        tagsText.setText("landscape, sky, river");
        press(save);
        spinUntil(() -> "Saved.".equals(detailsMessage.getText()), "the save");
        Image saved = alice().images().show(fog.id());
        assertEquals("Morning fog over the river", saved.name());
        assertEquals(new BigDecimal("7.25"), saved.price());
        assertEquals(List.of("landscape", "river", "sky"), saved.tags());
        spinUntil(() -> names(gallery.grid().items()).contains("Morning fog over the river") && !gallery.isLoading(),
                "the gallery shows the new name");
        spinUntil(() -> List.of(tagTable.getItems()).stream().anyMatch(i -> i.getText(0).equals("river")),
                "the new tag in the Tags part");
    }

    private GalleristSession alice() {
        return models.get(0).session().orElseThrow();
    }

    /** Held in a model only so that tearDown closes it. */
    private static SessionModel uploaderModel(Connection connection) {
        SessionModel model = new SessionModel();
        model.open(connection);
        return model;
    }

    private static long cachedThumbnails(ThumbnailCache cache) {
        try (var files = Files.list(cache.folder())) {
            return files.filter(file -> file.toString().endsWith(".jpg")).count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    @Test
    void anotherUserReadsDetailsAndSearchesByWordsAndBySimilarity() throws Exception {
        IEclipseContext window = window(logIn("bob"), server.folder().resolve("bob-home"));
        BrowseState browse = window.get(BrowseState.class);

        Shell detailsShell = shell("Details \u2014 bob", 380, 760);
        detailsShell.setLayout(new FillLayout());
        DetailsPart details = part(DetailsPart.class, window, detailsShell);
        Button save = UiTestSupport.widget(detailsShell, Button.class, DetailsPart.WidgetName.SAVE);
        Button delete = UiTestSupport.widget(detailsShell, Button.class, DetailsPart.WidgetName.DELETE);
        Text nameText = UiTestSupport.widget(detailsShell, Text.class, DetailsPart.WidgetName.NAME);
        detailsShell.open();
        Image lake = uploaded.get(1);
        browse.show(lake);
        spinUntil(details::hasPreview, "the preview");
        assertFalse(details.isEditable(), "bob does not own it");
        assertFalse(save.isVisible());
        assertFalse(delete.isVisible());
        assertEquals("Blue lake", nameText.getText());
        UiTestSupport.screenshot(detailsShell, "13-details-read-only");

        Shell searchShell = shell("Search \u2014 bob", 900, 640);
        searchShell.setLayout(new FillLayout());
        SearchPart search = part(SearchPart.class, window, searchShell);
        Text searchBox = UiTestSupport.widget(searchShell, Text.class, SearchPart.WidgetName.SEARCH);
        Label searchStatus = UiTestSupport.widget(searchShell, Label.class, SearchPart.WidgetName.STATUS);
        searchShell.open();
        searchBox.setText("lake");
        searchBox.notifyListeners(SWT.DefaultSelection, new Event());
        spinUntil(() -> !search.isSearching() && search.grid().items().size() == 1, "the text search");
        assertEquals("Blue lake", search.grid().items().get(0).name());
        assertTrue(searchStatus.getText().contains("1 image loaded"), searchStatus.getText());
        UiTestSupport.settle(display, 500);
        UiTestSupport.screenshot(searchShell, "14-search-text");

        long deadline = System.currentTimeMillis() + WAIT_MS;
        GalleristSession bob = window.get(SessionModel.class).session().orElseThrow();
        while (bob.images().similarityStatus().indexed() < uploaded.size()) {
            assertTrue(System.currentTimeMillis() < deadline, "every upload is indexed in time");
            UiTestSupport.settle(display, 200);
        }

        IEclipseContext commandCall = window.createChild("find similar");
        commandCall.set(ClientCommands.IMAGE_ID, Long.toString(lake.id()));
        ContextInjectionFactory.invoke(new FindSimilarHandler(), Execute.class, commandCall);
        spinUntil(() -> !search.isSearching() && !search.grid().items().isEmpty(), "images like the lake");
        assertTrue(search.grid().items().stream().noneMatch(image -> image.id() == lake.id()), "itself left out");
        assertTrue(searchStatus.getText().contains("like \u201cBlue lake\u201d"), searchStatus.getText());
        assertTrue(search.score(search.grid().items().get(0).id()).isPresent(), "hits carry scores");

        Path file = server.folder().resolve("night copy.png");
        Files.write(file, Pictures.png(display, 4, 200, 150));
        search.findSimilarTo(file);
        spinUntil(() -> !search.isSearching() && !search.grid().items().isEmpty(), "images like the file");
        assertEquals("Night sky", search.grid().items().get(0).name(), "the resized copy finds its original first");
        assertTrue(searchStatus.getText().contains("like night copy.png"), searchStatus.getText());
        UiTestSupport.settle(display, 500);
        UiTestSupport.screenshot(searchShell, "15-find-similar");
    }
}
