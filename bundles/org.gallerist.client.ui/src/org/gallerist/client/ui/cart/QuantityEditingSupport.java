package org.gallerist.client.ui.cart;

import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.swt.SWT;
import org.gallerist.client.core.cart.CartLine;

/** Lets the quantity be typed into its cell; what was typed goes to the cart, which may refuse it. */
final class QuantityEditingSupport extends EditingSupport {
    private final TextCellEditor editor;
    private final BiConsumer<CartLine, String> apply;
    private final BooleanSupplier enabled;

    QuantityEditingSupport(TableViewer viewer, BiConsumer<CartLine, String> apply, BooleanSupplier enabled) {
        super(viewer);
        this.editor = new TextCellEditor(viewer.getTable(), SWT.RIGHT);
        this.apply = apply;
        this.enabled = enabled;
    }

    @Override
    protected CellEditor getCellEditor(Object element) {
        return editor;
    }

    @Override
    protected boolean canEdit(Object element) {
        return enabled.getAsBoolean();
    }

    @Override
    protected Object getValue(Object element) {
        return Integer.toString(((CartLine) element).quantity());
    }

    @Override
    protected void setValue(Object element, Object value) {
        apply.accept((CartLine) element, String.valueOf(value));
    }
}
