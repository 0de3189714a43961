package org.gallerist.client.ui.browse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.client.core.ErrorMessages;
import org.gallerist.client.ui.extension.ImageAction;
import org.gallerist.client.ui.extension.ImageActionContext;
import org.gallerist.client.ui.jobs.Background;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins' {@link ImageAction}s at the end of a grid's context menu, made afresh each time the menu opens, so a
 * plugin installed or removed meanwhile shows at once. A plugin's failure is shown, logged with its bundle, and
 * leaves the client running.
 */
final class PluginActions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginActions.class);

    private final Whiteboard<ImageAction> actions = new Whiteboard<>(ImageAction.class, () -> { });
    private final List<MenuItem> items = new ArrayList<>();
    private final Background background;
    private final Consumer<String> failed;

    PluginActions(Background background, Consumer<String> failed) {
        this.background = background;
        this.failed = failed;
    }

    /** Replaces the plugin items of {@code menu} with those for {@code selection}. */
    void fill(Menu menu, List<Image> selection) {
        items.forEach(MenuItem::dispose);
        items.clear();
        List<ImageAction> current = actions.current();
        if (current.isEmpty()) {
            return;
        }
        items.add(new MenuItem(menu, SWT.SEPARATOR));
        for (ImageAction action : current) {
            MenuItem item = new MenuItem(menu, SWT.PUSH);
            item.setText(action.label());
            item.setEnabled(!selection.isEmpty() && applies(action, selection));
            item.addListener(SWT.Selection, event -> run(action, List.copyOf(selection), menu.getShell()));
            items.add(item);
        }
    }

    private static boolean applies(ImageAction action, List<Image> selection) {
        try {
            return action.appliesTo(selection);
        } catch (RuntimeException e) {
            LOG.warn("The plugin action {} failed to say whether it applies", action.getClass().getName(), e);
            return false;
        }
    }

    /** The plugin actions' labels as the menu shows them now, for tests. */
    List<String> labels() {
        return items.stream().filter(item -> (item.getStyle() & SWT.SEPARATOR) == 0).map(MenuItem::getText).toList();
    }

    private void run(ImageAction action, List<Image> selection, Shell shell) {
        try {
            action.run(context(selection, shell));
        } catch (RuntimeException e) {
            LOG.error("The plugin action {} failed", action.getClass().getName(), e);
            failed.accept("\"" + action.label().replace("&", "") + "\" failed: " + ErrorMessages.readable(e));
        }
    }

    private ImageActionContext context(List<Image> selection, Shell shell) {
        return new ImageActionContext() {
            @Override
            public List<Image> selection() {
                return selection;
            }

            @Override
            public Shell shell() {
                return shell;
            }

            @Override
            public <T> void inBackground(String jobName, Function<GalleristSession, T> work, Consumer<T> done) {
                background.run(jobName, work, done, error -> failed.accept(ErrorMessages.readable(error)));
            }

            @Override
            public void showError(String message) {
                failed.accept(message);
            }
        };
    }

    @Override
    public void close() {
        actions.close();
    }
}
