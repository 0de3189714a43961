package org.gallerist.client.ui.browse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.gallerist.api.image.Image;
import org.gallerist.client.ui.extension.DetailsSection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins' {@link DetailsSection}s at the end of the Details part, each in a titled group, remade when a plugin
 * comes or goes. A section that throws is logged with its class and left out; the part goes on.
 */
final class PluginSections implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginSections.class);

    private record Shown(DetailsSection section, Group group, DetailsSection.View view) {
    }

    private final Composite body;
    private final Runnable relayout;
    private final Whiteboard<DetailsSection> sections;
    private final List<Shown> shown = new ArrayList<>();
    private Optional<Image> image = Optional.empty();
    private Optional<ImageData> preview = Optional.empty();

    PluginSections(Composite body, Runnable relayout) {
        this.body = body;
        this.relayout = relayout;
        this.sections = new Whiteboard<>(DetailsSection.class, () -> body.getDisplay().asyncExec(this::rebuild));
        rebuild();
    }

    private void rebuild() {
        if (body.isDisposed()) {
            return;
        }
        shown.forEach(PluginSections::dispose);
        shown.clear();
        for (DetailsSection section : sections.current()) {
            Group group = new Group(body, SWT.NONE);
            GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(group);
            GridLayoutFactory.fillDefaults().margins(6, 6).applyTo(group);
            try {
                group.setText(section.title());
                Composite area = new Composite(group, SWT.NONE);
                GridDataFactory.fillDefaults().grab(true, false).applyTo(area);
                DetailsSection.View view = section.create(area);
                shown.add(new Shown(section, group, view));
                view.show(image, preview);
            } catch (RuntimeException e) {
                LOG.error("The Details section {} of a plugin failed; it is left out", section.getClass().getName(), e);
                group.dispose();
            }
        }
        relayout.run();
    }

    private static void dispose(Shown section) {
        try {
            section.view().dispose();
        } catch (RuntimeException e) {
            LOG.warn("The Details section {} failed to close", section.section().getClass().getName(), e);
        }
        section.group().dispose();
    }

    /** The image now shown; its preview follows through {@link #preview}. */
    void show(Image shownImage) {
        Optional<Image> next = Optional.ofNullable(shownImage);
        if (!next.map(Image::id).equals(image.map(Image::id))) {
            preview = Optional.empty();
        }
        image = next;
        tell();
    }

    void preview(Image of, ImageData data) {
        if (image.isPresent() && image.get().id() == of.id()) {
            preview = Optional.of(data);
            tell();
        }
    }

    private void tell() {
        for (Shown section : List.copyOf(shown)) {
            try {
                section.view().show(image, preview);
            } catch (RuntimeException e) {
                LOG.error("The Details section {} failed to show an image", section.section().getClass().getName(), e);
            }
        }
        relayout.run();
    }

    /** The titles of the sections shown, for tests. */
    List<String> titles() {
        return shown.stream().map(section -> section.group().getText()).toList();
    }

    @Override
    public void close() {
        sections.close();
        shown.forEach(PluginSections::dispose);
        shown.clear();
    }
}
