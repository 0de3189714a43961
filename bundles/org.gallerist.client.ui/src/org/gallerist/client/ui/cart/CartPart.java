package org.gallerist.client.ui.cart;

import java.time.Clock;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.gallerist.client.core.ClientTopics;
import org.gallerist.client.core.ErrorMessages;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.core.cart.Cart;
import org.gallerist.client.core.cart.CartLine;
import org.gallerist.client.core.cart.Checkout;
import org.gallerist.client.core.cart.CheckoutResult;
import org.gallerist.client.core.cart.QuantityEdit;
import org.gallerist.client.ui.jobs.Background;
import org.gallerist.client.ui.widgets.Widgets;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The cart: one row per image with its thumbnail, name, unit price, quantity (edited in place), stock and line
 * total; the grand total; remove, clear and check out. Checking out and refreshing the stock run in jobs.
 */
public class CartPart {
    public static final String ID = "org.gallerist.client.ui.part.cart";

    /** The widgets this part names under {@link Widgets#KEY}, for tests and tools that look for them. */
    public enum WidgetName {
        LINES, TOTAL, MESSAGE, REMOVE, CHECKOUT
    }

    /** The data key on the {@link WidgetName#LINES} table that holds its viewer. */
    public static final String VIEWER = "org.gallerist.client.ui.cart.viewer";

    private final Cart cart;
    private final SessionModel sessions;
    private final IEventBroker events;

    private Display display;
    private CartTable table;
    private TableViewer viewer;
    private Background background;
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
        GridLayoutFactory.swtDefaults().numColumns(1).applyTo(parent);
        table = new CartTable(parent, cart, sessions, this::editQuantity, () -> !busy);
        viewer = table.viewer();
        Widgets.name(viewer.getTable(), WidgetName.LINES);
        viewer.getTable().setData(VIEWER, viewer);
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 200).applyTo(viewer.getTable().getParent());
        background = new Background(sessions, viewer.getTable());

        totalLabel = new Label(parent, SWT.NONE);
        Widgets.name(totalLabel, WidgetName.TOTAL);
        totalLabel.setFont(JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(totalLabel);
        messageLabel = new Label(parent, SWT.WRAP);
        Widgets.name(messageLabel, WidgetName.MESSAGE);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(messageLabel);

        Composite buttons = new Composite(parent, SWT.NONE);
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.wrap = true;
        row.pack = false;
        row.marginLeft = row.marginRight = row.marginTop = row.marginBottom = 0;
        buttons.setLayout(row);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(buttons);
        removeButton = Widgets.button(buttons, "&Remove", this::removeSelected);
        Widgets.name(removeButton, WidgetName.REMOVE);
        clearButton = Widgets.button(buttons, "C&lear", this::clearAfterConfirmation);
        checkoutButton = Widgets.button(buttons, "Check &Out", this::checkout);
        Widgets.name(checkoutButton, WidgetName.CHECKOUT);
        checkoutButton.setFont(JFaceResources.getBannerFont());

        viewer.addSelectionChangedListener(event -> updateButtons());
        viewer.getTable().addListener(SWT.KeyDown, event -> {
            if (event.keyCode == SWT.DEL && !busy) {
                removeSelected();
            }
        });
        stopListening = cart.addListener(() -> background.onUiThread(this::showCart));
        showCart();
        refreshStock();
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
                : "Total: " + CartTable.money(cart.total()) + "  (" + items + (items == 1 ? " item)" : " items)"));
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
        messageLabel.setForeground(error ? Widgets.errorColor(display) : null);
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
        if (sessions.session().isEmpty() || busy || cart.isEmpty()) {
            return;
        }
        List<Long> ids = cart.lines().stream().map(CartLine::imageId).toList();
        setBusy(true, "Placing the order\u2026");
        background.run("Checking out", session -> new Checkout(session.shop(), session.images(), Clock.systemUTC())
                .run(cart), result -> checkedOut(result, ids),
                error -> checkedOut(new CheckoutResult.Failed(ErrorMessages.readable(error)), ids));
    }

    private void checkedOut(CheckoutResult result, List<Long> ids) {
        setBusy(false, null);
        showMessage(result.summary(), result.isProblem());
        if (events != null && result instanceof CheckoutResult.Placed) {
            events.post(ClientTopics.IMAGES_CHANGED, ids);
        }
    }

    /** Asks the server for the stock of every line, e.g. when the part opens or images changed elsewhere. */
    public void refreshStock() {
        if (sessions.session().isEmpty() || cart.isEmpty()) {
            return;
        }
        background.runAndForget("Refreshing the cart's stock",
                session -> new Checkout(session.shop(), session.images(), Clock.systemUTC()).refreshStock(cart));
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

    @Focus
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @PreDestroy
    public void dispose() {
        stopListening.run();
        if (table != null) {
            table.dispose();
        }
    }
}
