package org.gallerist.client.ui.widgets;

import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.eclipse.jface.preference.JFacePreferences;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Widget;

/** Small pieces every part and dialog builds the same way. */
public final class Widgets {

    /**
     * The {@link Widget#setData(String, Object) data key} under which a part or dialog names the widgets a test or
     * tool may look for; each names them with its own enum, e.g. {@code DetailsPart.WidgetName.SAVE}.
     */
    public static final String KEY = "org.gallerist.client.ui.widget";

    private Widgets() {
    }

    /** Names {@code widget} under {@link #KEY}. */
    public static <T extends Widget> T name(T widget, Enum<?> name) {
        widget.setData(KEY, name);
        return widget;
    }

    /** A search field with the platform's search and clear icons, named {@code name}, showing {@code hint}. */
    public static Text searchField(Composite parent, Enum<?> name, String hint) {
        Text field = name(new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL), name);
        field.setMessage(hint);
        return field;
    }

    /** A push button that runs {@code action} when pressed. */
    public static Button button(Composite parent, String text, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.addListener(SWT.Selection, event -> action.run());
        return button;
    }

    /**
     * Lets files be dropped on {@code control}: while {@code accepting} says no, a drag shows that it would not be
     * taken; a drop hands the files' paths (at least one) to {@code dropped}.
     */
    public static void acceptFileDrops(Control control, BooleanSupplier accepting, Consumer<List<String>> dropped) {
        DropTarget target = new DropTarget(control, DND.DROP_COPY | DND.DROP_DEFAULT);
        target.setTransfer(new Transfer[] { FileTransfer.getInstance() });
        target.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                event.detail = accepting.getAsBoolean() ? DND.DROP_COPY : DND.DROP_NONE;
            }

            @Override
            public void drop(DropTargetEvent event) {
                if (event.data instanceof String[] files && files.length > 0) {
                    dropped.accept(Arrays.asList(files));
                }
            }
        });
    }

    /** Shows {@code control}'s text in dark red when it tells of an error, in the usual colour otherwise. */
    public static void markError(Control control, boolean error) {
        control.setForeground(error ? control.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
    }

    /** The theme's error colour; outside a themed workbench JFace has none, so a dark red. */
    public static Color errorColor(Display display) {
        Color color = JFaceResources.getColorRegistry().get(JFacePreferences.ERROR_COLOR);
        return color != null ? color : display.getSystemColor(SWT.COLOR_DARK_RED);
    }
}
