package org.gallerist.client.ui.cart;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.preference.JFacePreferences;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.order.OrderLine;
import org.gallerist.client.core.ClientTopics;
import org.gallerist.client.core.ErrorMessages;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.core.cart.Cart;
import org.gallerist.client.core.cart.CartLine;
import org.gallerist.client.core.cart.Checkout;
import org.gallerist.client.core.cart.CheckoutResult;
import org.gallerist.client.core.cart.QuantityEdit;
import org.gallerist.client.core.cart.ShortLine;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The cart: one row per image with its thumbnail, name, unit price, quantity (edited in place), stock and line
 * total; the grand total; remove, clear and check out. Checking out and refreshing the stock run in jobs.
 */
public class CartPart {
    public static final String ID = "org.gallerist.client.ui.part.cart";
    private static final int QUANTITY_COLUMN = 2;

    private final Cart cart;
    private final SessionModel sessions;
    private final IEventBroker events;

    private Display display;
    private TableViewer viewer;
    private CartThumbnails thumbnails;
    private Label totalLabel;
    private Label messageLabel;
    private Button removeButton;
    private Button clearButton;
    private Button checkoutButton;
    private boolean busy;
    private Runnable stopListening = () -> { };

    /** The part's model element when the workbench shows it: its tab tells how many items are in the cart. */
    @Inject
    @Optional
    MPart partModel;

    @Inject
    public CartPart(Cart cart, SessionModel sessions, @Optional IEventBroker events) {
        this.cart = cart;
        this.sessions = sessions;
        this.events = events;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        display = parent.getDisplay();
        thumbnails = new CartThumbnails(display);
        GridLayoutFactory.swtDefaults().numColumns(1).applyTo(parent);

        Composite tableArea = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 200).applyTo(tableArea);
        TableColumnLayout columns = new TableColumnLayout();
        tableArea.setLayout(columns);
        viewer = new TableViewer(tableArea, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        createColumns(columns);

        totalLabel = new Label(parent, SWT.NONE);
        totalLabel.setFont(JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(totalLabel);
        messageLabel = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(messageLabel);

        Composite buttons = new Composite(parent, SWT.NONE);
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.wrap = true;
        row.pack = false;
        row.marginLeft = row.marginRight = row.marginTop = row.marginBottom = 0;
        buttons.setLayout(row);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(buttons);
        removeButton = button(buttons, "&Remove", this::removeSelected);
        clearButton = button(buttons, "C&lear", this::clearAfterConfirmation);
        checkoutButton = button(buttons, "Check &Out", this::checkout);
        checkoutButton.setFont(JFaceResources.getBannerFont());

        viewer.addSelectionChangedListener(event -> updateButtons());
        viewer.getTable().addListener(SWT.KeyDown, event -> {
            if (event.keyCode == SWT.DEL && !busy) {
                removeSelected();
            }
        });
        stopListening = cart.addListener(() -> display.asyncExec(this::showCart));
        showCart();
        refreshStock();
    }

    private void createColumns(TableColumnLayout layout) {
        column(layout, "Name", 40, CartThumbnails.SIZE + 90, SWT.LEFT, new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return ((CartLine) element).name();
            }

            @Override
            public Image getImage(Object element) {
                return thumbnails.get(((CartLine) element).imageId(), sessions.session().orElse(null),
                        id -> cart.line(id).ifPresent(line -> {
                            if (!viewer.getTable().isDisposed()) {
                                viewer.update(line, null);
                            }
                        }));
            }
        });
        column(layout, "Price", 14, 56, SWT.RIGHT, text(line -> money(line.unitPrice())));
        TableViewerColumn quantity = column(layout, "Qty", 10, 44, SWT.RIGHT, new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return Integer.toString(((CartLine) element).quantity());
            }

            @Override
            public Color getForeground(Object element) {
                return ((CartLine) element).exceedsStock() ? errorColor() : null;
            }

            @Override
            public String getToolTipText(Object element) {
                return "Click to change; 0 removes the line.";
            }
        });
        quantity.setEditingSupport(new QuantityEditingSupport(viewer, this::editQuantity, () -> !busy));
        QuantityEditingSupport.activateOnClickF2OrEnter(viewer, QUANTITY_COLUMN);
        column(layout, "Stock", 10, 50, SWT.RIGHT, new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return Integer.toString(((CartLine) element).stock());
            }

            @Override
            public Color getForeground(Object element) {
                return ((CartLine) element).exceedsStock() ? errorColor() : null;
            }
        });
        column(layout, "Total", 16, 62, SWT.RIGHT, text(line -> money(line.total())));
    }

    private TableViewerColumn column(TableColumnLayout layout, String title, int weight, int minimum, int align,
            ColumnLabelProvider labels) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setAlignment(align);
        column.setLabelProvider(labels);
        layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, minimum, true));
        return column;
    }

    private static ColumnLabelProvider text(Function<CartLine, String> text) {
        return new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((CartLine) element);
            }
        };
    }

    private static Button button(Composite parent, String text, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.addListener(SWT.Selection, event -> action.run());
        return button;
    }

    /** The theme's error colour; outside a themed workbench JFace has none, so a dark red. */
    private Color errorColor() {
        Color color = JFaceResources.getColorRegistry().get(JFacePreferences.ERROR_COLOR);
        return color != null ? color : display.getSystemColor(SWT.COLOR_DARK_RED);
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private void showCart() {
        if (viewer == null || viewer.getTable().isDisposed()) {
            return;
        }
        viewer.setInput(cart.lines());
        int items = cart.itemCount();
        if (partModel != null) {
            partModel.setLabel(items == 0 ? "Cart" : "Cart (" + items + ")");
        }
        totalLabel.setText(cart.isEmpty() ? "The cart is empty."
                : "Total: " + money(cart.total()) + "  (" + items + (items == 1 ? " item)" : " items)"));
        updateButtons();
        cart.saveProblem().ifPresent(problem -> showMessage(problem, true));
        totalLabel.getParent().layout(true, true);
    }

    private void updateButtons() {
        if (removeButton.isDisposed()) {
            return;
        }
        boolean connected = sessions.session().isPresent();
        removeButton.setEnabled(!busy && !viewer.getStructuredSelection().isEmpty());
        clearButton.setEnabled(!busy && !cart.isEmpty());
        checkoutButton.setEnabled(!busy && connected && !cart.isEmpty());
    }

    /** Shows a line of news under the total: what was added, refused, bought or went wrong. */
    public void showMessage(String message, boolean error) {
        if (messageLabel == null || messageLabel.isDisposed()) {
            return;
        }
        messageLabel.setText(message);
        messageLabel.setForeground(error ? errorColor() : null);
        messageLabel.getParent().layout(true, true);
    }

    /** What the quantity cell does with what the user typed; also how tests type into it. */
    public void editQuantity(CartLine line, String text) {
        QuantityEdit edit = cart.changeQuantity(line.imageId(), text);
        switch (edit) {
            case QuantityEdit.Changed changed -> showMessage("", false);
            case QuantityEdit.Refused refused -> showMessage(refused.message(), true);
            case QuantityEdit.ConfirmRemoval removal -> {
                if (MessageDialog.openConfirm(viewer.getControl().getShell(), "Remove from Cart",
                        "Remove '" + removal.line().name() + "' from the cart?")) {
                    cart.remove(line.imageId());
                    showMessage("Removed '" + removal.line().name() + "'.", false);
                } else {
                    viewer.refresh();
                }
            }
        }
    }

    private void removeSelected() {
        IStructuredSelection selection = viewer.getStructuredSelection();
        for (Object element : selection.toList()) {
            cart.remove(((CartLine) element).imageId());
        }
        if (!selection.isEmpty()) {
            showMessage("Removed " + selection.size() + (selection.size() == 1 ? " line." : " lines."), false);
        }
    }

    private void clearAfterConfirmation() {
        if (MessageDialog.openConfirm(viewer.getControl().getShell(), "Clear Cart",
                "Remove everything from the cart?")) {
            cart.clear();
            showMessage("The cart was cleared.", false);
        }
    }

    /** Places the order in a job; the answer (the order, or the short lines) shows under the total. */
    public void checkout() {
        GalleristSession session = sessions.session().orElse(null);
        if (session == null || busy || cart.isEmpty()) {
            return;
        }
        List<Long> ids = cart.lines().stream().map(CartLine::imageId).toList();
        setBusy(true, "Placing the order\u2026");
        Job.create("Checking out", monitor -> {
            CheckoutResult result;
            try {
                result = new Checkout(session.shop(), session.images(), Clock.systemUTC()).run(cart);
            } catch (RuntimeException e) {
                result = new CheckoutResult.Failed(ErrorMessages.readable(e));
            }
            CheckoutResult answer = result;
            display.asyncExec(() -> {
                setBusy(false, null);
                showResult(answer);
                if (events != null && answer instanceof CheckoutResult.Placed) {
                    events.post(ClientTopics.IMAGES_CHANGED, ids);
                }
            });
            return Status.OK_STATUS;
        }).schedule();
    }

    private void showResult(CheckoutResult result) {
        switch (result) {
            case CheckoutResult.Placed placed -> showMessage((placed.recovered()
                    ? "Your earlier checkout had gone through: order #" : "Thank you! Order #")
                    + placed.order().id() + " placed: " + placed.order().lines().stream()
                            .map(CartPart::bought).collect(Collectors.joining(", "))
                    + "; total " + money(placed.order().total()) + ".", false);
            case CheckoutResult.Short short_ -> showMessage(short_.lines().isEmpty() ? short_.message()
                    : "Nothing was bought: not enough in stock for "
                            + short_.lines().stream().map(ShortLine::describe).collect(Collectors.joining("; "))
                            + ". Lower the quantities in red and check out again.", true);
            case CheckoutResult.Failed failed -> showMessage(failed.message(), true);
        }
    }

    private static String bought(OrderLine line) {
        return line.quantity() + " \u00d7 '" + line.name() + "'";
    }

    /** Asks the server for the stock of every line, e.g. when the part opens or images changed elsewhere. */
    public void refreshStock() {
        GalleristSession session = sessions.session().orElse(null);
        if (session == null || cart.isEmpty()) {
            return;
        }
        Job.create("Refreshing the cart's stock", monitor -> {
            new Checkout(session.shop(), session.images(), Clock.systemUTC()).refreshStock(cart);
            return Status.OK_STATUS;
        }).schedule();
    }

    @Inject
    @Optional
    void imagesChanged(@UIEventTopic(ClientTopics.IMAGES_CHANGED) Object ids) {
        if (!busy) {
            refreshStock();
        }
    }

    private void setBusy(boolean nowBusy, String message) {
        busy = nowBusy;
        if (message != null) {
            showMessage(message, false);
        }
        updateButtons();
    }

    public boolean isBusy() {
        return busy;
    }

    public TableViewer viewer() {
        return viewer;
    }

    public Label totalLabel() {
        return totalLabel;
    }

    public Label messageLabel() {
        return messageLabel;
    }

    public Button checkoutButton() {
        return checkoutButton;
    }

    public Button removeButton() {
        return removeButton;
    }

    @Focus
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @PreDestroy
    public void dispose() {
        stopListening.run();
        if (thumbnails != null) {
            thumbnails.dispose();
        }
    }
}
