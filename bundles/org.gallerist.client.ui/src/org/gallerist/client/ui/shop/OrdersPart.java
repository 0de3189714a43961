package org.gallerist.client.ui.shop;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageSize;
import org.gallerist.api.order.Order;
import org.gallerist.api.order.OrderLine;
import org.gallerist.client.core.ClientTopics;
import org.gallerist.client.core.ErrorMessages;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.core.details.DownloadChoice;
import org.gallerist.client.core.shop.OrderRows;
import org.gallerist.client.core.shop.PagedList;
import org.gallerist.client.ui.jobs.Background;
import org.gallerist.client.ui.jobs.ImageDownload;
import org.gallerist.client.ui.widgets.RowThumbnails;
import org.gallerist.client.ui.widgets.Tables;
import org.gallerist.client.ui.widgets.Widgets;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The user's orders, newest first, a page at a time: when, how many items, the total. The chosen order's lines
 * show below with thumbnails, quantities and prices as paid, and each line's original can be downloaded (a buyer
 * may always have what they bought).
 */
public class OrdersPart {
    public static final String ID = "org.gallerist.client.ui.part.orders";
    static final int PAGE_SIZE = 50;

    /** The widgets this part names under {@link Widgets#KEY}, for tests and tools that look for them. */
    public enum WidgetName {
        SUMMARY, ORDERS, LINES, LOAD_MORE, REFRESH, DOWNLOAD, STATUS
    }

    private final SessionModel sessions;
    private final PagedList<Order> orders = new PagedList<>(PAGE_SIZE);
    private final OrderRows rows = new OrderRows(ZoneId.systemDefault());
    private final List<Runnable> subscriptions = new ArrayList<>();
    private Background background;
    private Label summary;
    private TableViewer ordersTable;
    private TableViewer linesTable;
    private RowThumbnails thumbnails;
    private Button loadMore;
    private Button download;
    private Label status;

    @Inject
    public OrdersPart(SessionModel sessions) {
        this.sessions = sessions;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().numColumns(3).margins(8, 8).spacing(8, 6).applyTo(parent);
        summary = Widgets.name(new Label(parent, SWT.NONE), WidgetName.SUMMARY);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(summary);
        Widgets.name(Widgets.button(parent, "&Refresh", this::reload), WidgetName.REFRESH);
        loadMore = Widgets.name(Widgets.button(parent, "Load &more", this::loadMore), WidgetName.LOAD_MORE);

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(sash);
        createOrdersTable(sash);
        createLinesTable(sash);
        sash.setWeights(45, 55);

        status = Widgets.name(new Label(parent, SWT.WRAP), WidgetName.STATUS);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).align(SWT.FILL, SWT.CENTER).applyTo(status);
        download = Widgets.name(Widgets.button(parent, DownloadChoice.ORIGINAL.label(), this::chooseAndSave),
                WidgetName.DOWNLOAD);
        download.setToolTipText("Save the chosen line's image at full size, as it was uploaded");

        background = new Background(sessions, parent);
        subscriptions.add(orders.addListener(this::show));
        subscriptions.add(sessions.addListener(state -> background.onUiThread(this::reload)));
        reload();
    }

    private void createOrdersTable(Composite parent) {
        ordersTable = Tables.create(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        Widgets.name(ordersTable.getTable(), WidgetName.ORDERS);
        Tables.column(ordersTable, "Placed", 30, 120, SWT.LEFT, Tables.text(Order.class, rows::placed));
        Tables.column(ordersTable, "Order", 15, 60, SWT.LEFT, Tables.text(Order.class, order -> "#" + order.id()));
        Tables.column(ordersTable, "Items", 35, 110, SWT.LEFT, Tables.text(Order.class, OrderRows::items));
        Tables.column(ordersTable, "Total", 20, 70, SWT.RIGHT,
                Tables.text(Order.class, order -> OrderRows.money(order.total())));
        ordersTable.addSelectionChangedListener(event -> showLines());
        ordersTable.getTable().addListener(SWT.Selection, event -> {
            if (ordersTable.getTable().getSelectionIndex() == ordersTable.getTable().getItemCount() - 1) {
                loadMore();
            }
        });
    }

    private void createLinesTable(Composite parent) {
        linesTable = Tables.create(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        Widgets.name(linesTable.getTable(), WidgetName.LINES);
        thumbnails = new RowThumbnails(sessions, linesTable.getTable());
        Tables.column(linesTable, "Image", 50, RowThumbnails.SIZE + 120, SWT.LEFT, new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return OrderRows.line((OrderLine) element);
            }

            @Override
            public org.eclipse.swt.graphics.Image getImage(Object element) {
                return thumbnails.get(((OrderLine) element).image(), id -> {
                    if (!linesTable.getTable().isDisposed()) {
                        linesTable.refresh();
                    }
                });
            }
        });
        Tables.column(linesTable, "Qty", 10, 40, SWT.RIGHT,
                Tables.text(OrderLine.class, line -> Integer.toString(line.quantity())));
        Tables.column(linesTable, "Price", 20, 60, SWT.RIGHT,
                Tables.text(OrderLine.class, line -> OrderRows.money(line.unitPrice())));
        Tables.column(linesTable, "Total", 20, 60, SWT.RIGHT,
                Tables.text(OrderLine.class, line -> OrderRows.money(line.total())));
        linesTable.addSelectionChangedListener(event -> enableDownload());
        linesTable.getTable().addListener(SWT.DefaultSelection, event -> chooseAndSave());
    }

    /** Loads the first page again (after a purchase, or when the connection changes). */
    public void reload() {
        if (summary.isDisposed()) {
            return;
        }
        status.setText("");
        if (!sessions.state().connected()) {
            orders.clear();
            return;
        }
        fetch(orders.restart());
    }

    private void loadMore() {
        orders.next().ifPresent(this::fetch);
    }

    private void fetch(PagedList.Request request) {
        background.run("Loading your orders", session -> session.shop().orders(request.limit(), request.after()),
                page -> orders.accept(request, page),
                error -> orders.fail(request, ErrorMessages.readable(error)));
    }

    private void show() {
        if (summary.isDisposed()) {
            return;
        }
        Order chosen = chosenOrder();
        List<Order> items = orders.items();
        ordersTable.setInput(items);
        if (chosen != null) {
            items.stream().filter(order -> order.id() == chosen.id()).findFirst()
                    .ifPresent(order -> ordersTable.setSelection(new org.eclipse.jface.viewers.StructuredSelection(
                            order)));
        }
        summary.setText(sessions.state().connected()
                ? orders.summary("order", "orders", "No orders yet: what you buy is listed here.")
                : "Not connected.");
        Widgets.markError(summary, orders.error().isPresent() && items.isEmpty());
        loadMore.setEnabled(orders.hasMore() && !orders.isLoading());
        showLines();
    }

    private void showLines() {
        Order order = chosenOrder();
        linesTable.setInput(order == null ? List.of() : order.lines());
        enableDownload();
    }

    private void enableDownload() {
        download.setEnabled(chosenLine() != null && sessions.state().connected());
    }

    private Order chosenOrder() {
        return ordersTable.getStructuredSelection().getFirstElement() instanceof Order order ? order : null;
    }

    private OrderLine chosenLine() {
        return linesTable.getStructuredSelection().getFirstElement() instanceof OrderLine line ? line : null;
    }

    /** Asks the server for the image (for its format), then where to save it, then downloads it. */
    private void chooseAndSave() {
        OrderLine line = chosenLine();
        if (line == null) {
            return;
        }
        background.run("Looking up #" + line.image(), session -> session.images().show(line.image()), image -> {
            FileDialog dialog = new FileDialog(download.getShell(), SWT.SAVE);
            dialog.setFileName(DownloadChoice.ORIGINAL.fileName(image));
            dialog.setOverwrite(true);
            String target = dialog.open();
            if (target != null) {
                saveOriginal(image, Path.of(target), this::tell);
            }
        }, error -> tell(ErrorMessages.readable(error)));
    }

    /** Writes the original of {@code image} to {@code target} in a job; {@code done} gets what to tell the user. */
    public void saveOriginal(Image image, Path target, Consumer<String> done) {
        ImageDownload.save(background, image.id(), ImageSize.ORIGINAL, target,
                written -> done.accept("Saved the original of \"" + image.name() + "\" to " + written + "."), done);
    }

    private void tell(String message) {
        if (!status.isDisposed()) {
            status.setText(message);
            status.getParent().layout(true);
        }
    }

    /** A checkout posts this too: the new order shows without asking. */
    @Inject
    @Optional
    void imagesChanged(@UIEventTopic(ClientTopics.IMAGES_CHANGED) Object ids) {
        if (summary != null && !orders.isLoading()) {
            reload();
        }
    }

    /** What is loaded, for tests. */
    public PagedList<Order> orders() {
        return orders;
    }

    @Focus
    public void setFocus() {
        ordersTable.getTable().setFocus();
    }

    @PreDestroy
    public void dispose() {
        subscriptions.forEach(Runnable::run);
        thumbnails.dispose();
    }
}
