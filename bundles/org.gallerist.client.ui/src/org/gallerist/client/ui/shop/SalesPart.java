package org.gallerist.client.ui.shop;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.gallerist.api.order.OrderService;
import org.gallerist.api.order.SalesGrouping;
import org.gallerist.api.order.SalesTotal;
import org.gallerist.client.core.ClientTopics;
import org.gallerist.client.core.ErrorMessages;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.core.shop.OrderRows;
import org.gallerist.client.core.shop.PagedList;
import org.gallerist.client.ui.jobs.Background;
import org.gallerist.client.ui.shop.internal.RevenueChart;
import org.gallerist.client.ui.widgets.RowThumbnails;
import org.gallerist.client.ui.widgets.Tables;
import org.gallerist.client.ui.widgets.Widgets;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * What others bought of the user's images: revenue per day, week or month as a chart and a table (totalled by the
 * server in UTC), and each image sold with its units and revenue, best first, a page at a time.
 */
public class SalesPart {
    public static final String ID = "org.gallerist.client.ui.part.sales";

    /** The widgets this part names under {@link Widgets#KEY}, for tests and tools that look for them. */
    public enum WidgetName {
        SUMMARY, DAY, WEEK, MONTH, CHART, PERIODS, IMAGES, LOAD_MORE, REFRESH
    }

    private final SessionModel sessions;
    private final PagedList<SalesTotal> periods = new PagedList<>(OrderService.MAX_PAGE);
    private final PagedList<SalesTotal> images = new PagedList<>(50);
    private final List<Runnable> subscriptions = new ArrayList<>();
    private SalesGrouping grouping = SalesGrouping.DAY;
    private Background background;
    private Label summary;
    private RevenueChart chart;
    private TableViewer periodsTable;
    private TableViewer imagesTable;
    private RowThumbnails thumbnails;
    private Button loadMore;

    @Inject
    public SalesPart(SessionModel sessions) {
        this.sessions = sessions;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().numColumns(6).margins(8, 8).spacing(8, 6).applyTo(parent);
        summary = Widgets.name(new Label(parent, SWT.NONE), WidgetName.SUMMARY);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(summary);
        groupingButton(parent, "&Days", SalesGrouping.DAY, WidgetName.DAY).setSelection(true);
        groupingButton(parent, "&Weeks", SalesGrouping.WEEK, WidgetName.WEEK);
        groupingButton(parent, "M&onths", SalesGrouping.MONTH, WidgetName.MONTH);
        Widgets.name(Widgets.button(parent, "&Refresh", this::reload), WidgetName.REFRESH);
        loadMore = Widgets.name(Widgets.button(parent, "Load &more images", this::loadMoreImages),
                WidgetName.LOAD_MORE);

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).span(6, 1).applyTo(sash);
        chart = new RevenueChart(sash);
        Widgets.name(chart.control(), WidgetName.CHART);
        SashForm tables = new SashForm(sash, SWT.HORIZONTAL);
        createPeriodsTable(tables);
        createImagesTable(tables);
        tables.setWeights(40, 60);
        sash.setWeights(55, 45);

        background = new Background(sessions, parent);
        subscriptions.add(periods.addListener(this::show));
        subscriptions.add(images.addListener(this::show));
        subscriptions.add(sessions.addListener(state -> background.onUiThread(this::reload)));
        reload();
    }

    private Button groupingButton(Composite parent, String label, SalesGrouping value, WidgetName name) {
        Button button = Widgets.name(new Button(parent, SWT.RADIO), name);
        button.setText(label);
        button.addListener(SWT.Selection, event -> {
            if (button.getSelection()) {
                group(value);
            }
        });
        return button;
    }

    private void createPeriodsTable(Composite parent) {
        periodsTable = Tables.create(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        Widgets.name(periodsTable.getTable(), WidgetName.PERIODS);
        Tables.column(periodsTable, "Period", 34, 90, SWT.LEFT, Tables.text(SalesTotal.class, SalesTotal::period));
        Tables.column(periodsTable, "Units", 18, 50, SWT.RIGHT, Tables.text(SalesTotal.class,
                total -> Long.toString(total.units())));
        Tables.column(periodsTable, "Revenue", 28, 70, SWT.RIGHT, Tables.text(SalesTotal.class,
                total -> OrderRows.money(total.revenue())));
        Tables.column(periodsTable, "Orders", 20, 50, SWT.RIGHT, Tables.text(SalesTotal.class,
                total -> Long.toString(total.orders())));
    }

    private void createImagesTable(Composite parent) {
        imagesTable = Tables.create(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        Widgets.name(imagesTable.getTable(), WidgetName.IMAGES);
        thumbnails = new RowThumbnails(sessions, imagesTable.getTable());
        Tables.column(imagesTable, "Image sold", 56, RowThumbnails.SIZE + 100, SWT.LEFT, new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                SalesTotal total = (SalesTotal) element;
                return total.name() + " (#" + total.image() + ")";
            }

            @Override
            public org.eclipse.swt.graphics.Image getImage(Object element) {
                return thumbnails.get(((SalesTotal) element).image(), id -> {
                    if (!imagesTable.getTable().isDisposed()) {
                        imagesTable.refresh();
                    }
                });
            }
        });
        Tables.column(imagesTable, "Units", 18, 50, SWT.RIGHT, Tables.text(SalesTotal.class,
                total -> Long.toString(total.units())));
        Tables.column(imagesTable, "Revenue", 26, 70, SWT.RIGHT, Tables.text(SalesTotal.class,
                total -> OrderRows.money(total.revenue())));
    }

    /** Totals per day, week or month from now on. */
    public void group(SalesGrouping newGrouping) {
        grouping = newGrouping;
        if (sessions.state().connected()) {
            fetchPeriods(periods.restart());
        }
    }

    /** Loads the totals again (after a sale shows up, or when the connection changes). */
    public void reload() {
        if (summary.isDisposed()) {
            return;
        }
        if (!sessions.state().connected()) {
            periods.clear();
            images.clear();
            return;
        }
        fetchPeriods(periods.restart());
        fetchImages(images.restart());
    }

    private void loadMoreImages() {
        images.next().ifPresent(this::fetchImages);
    }

    private void fetchPeriods(PagedList.Request request) {
        SalesGrouping asked = grouping;
        background.run("Loading sales per " + asked.wireName(),
                session -> session.shop().salesTotals(asked, request.limit(), request.after()),
                page -> periods.accept(request, page), error -> periods.fail(request, ErrorMessages.readable(error)));
    }

    private void fetchImages(PagedList.Request request) {
        background.run("Loading sales per image",
                session -> session.shop().salesTotals(SalesGrouping.IMAGE, request.limit(), request.after()),
                page -> images.accept(request, page), error -> images.fail(request, ErrorMessages.readable(error)));
    }

    private void show() {
        if (summary.isDisposed()) {
            return;
        }
        List<SalesTotal> shownPeriods = periods.items();
        periodsTable.setInput(shownPeriods);
        imagesTable.setInput(images.items());
        chart.show(shownPeriods, switch (grouping) {
            case DAY, IMAGE -> "Day (UTC)";
            case WEEK -> "ISO week";
            case MONTH -> "Month";
        });
        summary.setText(summaryText(shownPeriods));
        Widgets.markError(summary, periods.error().isPresent() || images.error().isPresent());
        loadMore.setEnabled(images.hasMore() && !images.isLoading());
    }

    private String summaryText(List<SalesTotal> shown) {
        if (!sessions.state().connected()) {
            return "Not connected.";
        }
        if (periods.error().isPresent() || images.error().isPresent()) {
            return periods.error().orElseGet(() -> images.error().orElse(""));
        }
        if (periods.isLoading() && shown.isEmpty()) {
            return "Loading\u2026";
        }
        if (shown.isEmpty()) {
            return "No sales yet: what others buy of your images is totalled here.";
        }
        long units = shown.stream().mapToLong(SalesTotal::units).sum();
        BigDecimal revenue = shown.stream().map(SalesTotal::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        return "Sold " + units + (units == 1 ? " item" : " items") + " for " + OrderRows.money(revenue)
                + (periods.hasMore() ? " in the latest " + shown.size() + " periods" : "");
    }

    /** A checkout (perhaps of a buyer on this machine) posts this; the totals follow. */
    @Inject
    @Optional
    void imagesChanged(@UIEventTopic(ClientTopics.IMAGES_CHANGED) Object ids) {
        if (summary != null && !periods.isLoading()) {
            reload();
        }
    }

    /** What is loaded, for tests. */
    public PagedList<SalesTotal> periods() {
        return periods;
    }

    public PagedList<SalesTotal> images() {
        return images;
    }

    @Focus
    public void setFocus() {
        periodsTable.getTable().setFocus();
    }

    @PreDestroy
    public void dispose() {
        subscriptions.forEach(Runnable::run);
        thumbnails.dispose();
    }
}
