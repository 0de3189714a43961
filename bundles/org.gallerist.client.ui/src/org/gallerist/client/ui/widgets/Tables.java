package org.gallerist.client.ui.widgets;

import java.util.function.Function;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

/** Table viewers of lists whose columns share the table's width by weight, as the cart and the upload show them. */
public final class Tables {
    private Tables() {
    }

    /**
     * A viewer of a {@code List} with headers and lines, in a holder of its own that lays out the columns: give the
     * holder ({@code viewer.getTable().getParent()}) its layout data.
     */
    public static TableViewer create(Composite parent, int style) {
        Composite holder = new Composite(parent, SWT.NONE);
        holder.setLayout(new TableColumnLayout());
        TableViewer viewer = new TableViewer(holder, style);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        return viewer;
    }

    /** A column of a viewer made by {@link #create}: {@code weight} of the width, never under {@code minimum} pixels. */
    public static TableViewerColumn column(TableViewer viewer, String title, int weight, int minimum, int alignment,
            ColumnLabelProvider labels) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setAlignment(alignment);
        column.setLabelProvider(labels);
        ((TableColumnLayout) viewer.getTable().getParent().getLayout()).setColumnData(column.getColumn(),
                new ColumnWeightData(weight, minimum, true));
        return column;
    }

    /** Labels that are only text, taken from rows of one type. */
    public static <T> ColumnLabelProvider text(Class<T> rows, Function<T, String> text) {
        return new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(rows.cast(element));
            }
        };
    }
}
