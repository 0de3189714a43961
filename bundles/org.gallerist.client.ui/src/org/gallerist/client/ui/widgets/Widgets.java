package org.gallerist.client.ui.widgets;

import org.eclipse.jface.preference.JFacePreferences;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
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
