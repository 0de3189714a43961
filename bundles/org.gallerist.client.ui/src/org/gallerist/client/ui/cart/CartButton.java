package org.gallerist.client.ui.cart;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.gallerist.client.core.cart.Cart;
import org.gallerist.client.ui.widgets.Widgets;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/** The toolbar's cart: how many items it holds and their total; pressing it opens the Cart part. */
public class CartButton {
    /** The widgets this control names under {@link Widgets#KEY}, for tests and tools that look for them. */
    public enum WidgetName {
        CART
    }

    private final Cart cart;
    private final EPartService parts;
    private Button button;
    private Runnable stopListening = () -> { };

    @Inject
    public CartButton(Cart cart, @Optional EPartService parts) {
        this.cart = cart;
        this.parts = parts;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        button = Widgets.name(new Button(parent, SWT.PUSH | SWT.FLAT), WidgetName.CART);
        button.addListener(SWT.Selection, event -> {
            if (parts != null) {
                parts.showPart(CartPart.ID, EPartService.PartState.ACTIVATE);
            }
        });
        stopListening = cart.addListener(() -> {
            if (!button.isDisposed()) {
                button.getDisplay().asyncExec(this::show);
            }
        });
        show();
    }

    private void show() {
        if (button.isDisposed()) {
            return;
        }
        int items = cart.itemCount();
        button.setText(items == 0 ? "Cart" : "Cart (" + items + ")");
        button.setToolTipText(items == 0 ? "Your cart is empty"
                : items + (items == 1 ? " item" : " items") + ", total " + cart.total().toPlainString());
        button.getParent().layout(true);
    }

    /** What the button says, for tests. */
    public String text() {
        return button.getText();
    }

    @PreDestroy
    public void dispose() {
        stopListening.run();
    }
}
