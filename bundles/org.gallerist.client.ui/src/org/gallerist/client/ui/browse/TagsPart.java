package org.gallerist.client.ui.browse;

import java.util.List;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ColumnPixelData;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.gallerist.api.image.TagCount;
import org.gallerist.client.core.ErrorMessages;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.core.browse.BrowseState;
import org.gallerist.client.core.tags.TagFilter;
import org.gallerist.client.ui.jobs.Background;
import org.gallerist.client.ui.widgets.Widgets;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/** Every tag with its count; ticking tags filters the Gallery (all of them or any), "All images" clears. */
public class TagsPart {
    public static final String ID = "org.gallerist.client.ui.part.tags";

    /** The widgets this part names under {@link Widgets#KEY}, for tests and tools that look for them. */
    public enum WidgetName {
        FILTER, ANY_OF_THEM, TABLE, ALL_IMAGES
    }

    private final SessionModel sessions;
    private final BrowseState browse;
    private final TagFilter filter;
    private final Subscriptions subscriptions = new Subscriptions();

    private Text filterText;
    private Button allOfThem;
    private Button anyOfThem;
    private Table table;
    private Button allImages;
    private Label statusLabel;
    private Background background;
    private boolean loading;

    @Inject
    public TagsPart(SessionModel sessions, BrowseState browse) {
        this.sessions = sessions;
        this.browse = browse;
        this.filter = browse.tagFilter();
    }

    @PostConstruct
    public void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().numColumns(2).margins(8, 8).spacing(6, 6).applyTo(parent);
        filterText = Widgets.searchField(parent, WidgetName.FILTER, "Filter tags");
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(filterText);
        filterText.addListener(SWT.Modify, event -> filter.setFilterText(filterText.getText()));

        allOfThem = new Button(parent, SWT.RADIO);
        allOfThem.setText("Match a&ll");
        allOfThem.setToolTipText("Show images that carry every ticked tag");
        anyOfThem = new Button(parent, SWT.RADIO);
        Widgets.name(anyOfThem, WidgetName.ANY_OF_THEM);
        anyOfThem.setText("Match a&ny");
        anyOfThem.setToolTipText("Show images that carry at least one ticked tag");
        allOfThem.setSelection(!filter.anyTag());
        anyOfThem.setSelection(filter.anyTag());
        anyOfThem.addListener(SWT.Selection, event -> filter.setAnyTag(anyOfThem.getSelection()));

        // a column layout on a wrapper keeps the tag column as wide as the part allows, the count column narrow
        Composite tableArea = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).hint(180, 200).applyTo(tableArea);
        TableColumnLayout columns = new TableColumnLayout();
        tableArea.setLayout(columns);
        table = new Table(tableArea, SWT.CHECK | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        Widgets.name(table, WidgetName.TABLE);
        table.setHeaderVisible(true);
        TableColumn tagColumn = new TableColumn(table, SWT.LEFT);
        tagColumn.setText("Tag");
        columns.setColumnData(tagColumn, new ColumnWeightData(100, 60));
        TableColumn countColumn = new TableColumn(table, SWT.RIGHT);
        countColumn.setText("Images");
        countColumn.pack();
        columns.setColumnData(countColumn, new ColumnPixelData(countColumn.getWidth() + 8));
        table.addListener(SWT.Selection, event -> {
            if (event.detail == SWT.CHECK && event.item instanceof TableItem item) {
                filter.setChosen(((TagCount) item.getData()).tag(), item.getChecked());
            }
        });
        table.addListener(SWT.DefaultSelection, event -> {
            if (event.item instanceof TableItem item) {
                filter.setChosen(((TagCount) item.getData()).tag(), !item.getChecked());
            }
        });

        allImages = new Button(parent, SWT.PUSH);
        Widgets.name(allImages, WidgetName.ALL_IMAGES);
        allImages.setText("&All images");
        allImages.addListener(SWT.Selection, event -> filter.clear());
        statusLabel = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(statusLabel);

        background = new Background(sessions, table);
        subscriptions.add(filter.addListener(this::showTags));
        subscriptions.add(browse.onImagesChanged(ids -> reload()));
        subscriptions.add(sessions.addListener(state -> background.onUiThread(this::reload)));
        reload();
    }

    /** Fetches the tags and their counts again. */
    public void reload() {
        loading = true;
        statusLabel.setForeground(null);
        background.run("Loading tags", session -> session.images().tags(), tags -> {
            loading = false;
            filter.setTags(tags);
        }, error -> {
            loading = false;
            statusLabel.setText(ErrorMessages.readable(error));
            Widgets.markError(statusLabel, true);
        });
    }

    private void showTags() {
        if (table.isDisposed()) {
            return;
        }
        List<TagCount> visible = filter.visible();
        table.setRedraw(false);
        try {
            table.setItemCount(visible.size());
            for (int i = 0; i < visible.size(); i++) {
                TagCount count = visible.get(i);
                TableItem item = table.getItem(i);
                item.setData(count);
                item.setText(new String[] { count.tag(), Long.toString(count.count()) });
                item.setChecked(filter.isChosen(count.tag()));
            }
        } finally {
            table.setRedraw(true);
        }
        allOfThem.setSelection(!filter.anyTag());
        anyOfThem.setSelection(filter.anyTag());
        allImages.setEnabled(!filter.choice().isAllImages());
        int total = filter.all().size();
        statusLabel.setForeground(null);
        statusLabel.setText(total == 1 ? "1 tag" : total + " tags");
    }

    @Focus
    public void setFocus() {
        table.setFocus();
    }

    @PreDestroy
    public void dispose() {
        subscriptions.stopAll();
    }

    public boolean isLoading() {
        return loading;
    }
}
