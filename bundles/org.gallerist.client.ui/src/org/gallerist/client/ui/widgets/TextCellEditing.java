package org.gallerist.client.ui.widgets;

import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TextCellEditor;

/** A table cell the user types into: it opens with the row's {@code value}, and what was typed goes to {@code typed}. */
public final class TextCellEditing<T> extends EditingSupport {
    private final TextCellEditor editor;
    private final Class<T> rows;
    private final Function<T, String> value;
    private final BiConsumer<T, String> typed;
    private final BooleanSupplier enabled;

    /** {@code style} is the cell's text style, e.g. {@code SWT.RIGHT} for numbers; it opens only while {@code enabled}. */
    public TextCellEditing(TableViewer viewer, int style, Class<T> rows, Function<T, String> value,
            BiConsumer<T, String> typed, BooleanSupplier enabled) {
        super(viewer);
        this.editor = new TextCellEditor(viewer.getTable(), style);
        this.rows = rows;
        this.value = value;
        this.typed = typed;
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
        return value.apply(rows.cast(element));
    }

    @Override
    protected void setValue(Object element, Object newValue) {
        typed.accept(rows.cast(element), String.valueOf(newValue));
    }
}
