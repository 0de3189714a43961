package org.gallerist.client.ui.browse;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.client.core.ClientHome;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.core.thumbs.ThumbnailFetcher;
import org.gallerist.client.ui.grid.ThumbnailGrid;
import org.gallerist.client.ui.jobs.Background;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SWT images of thumbnails for one grid: from memory, else from the disk cache, else from the server, all off the
 * UI thread, {@value ThumbnailFetcher#PARALLEL_REQUESTS} at a time. {@link #get} answers null until a thumbnail is
 * ready and redraws the grid as each one arrives. The most recently asked-for thumbnails load first, so scrolling
 * quickly fills what is on screen.
 */
final class Thumbnails {
    private static final Logger LOG = LoggerFactory.getLogger(Thumbnails.class);

    private final Control grid;
    private final SessionModel sessions;
    private final ThumbnailFetcher fetcher;
    private final Map<String, org.eclipse.swt.graphics.Image> loaded = new HashMap<>();
    private final Set<String> asked = new HashSet<>();
    private final ConcurrentLinkedDeque<Image> queue = new ConcurrentLinkedDeque<>();
    private final Background background;
    private final List<Job> loaders = new ArrayList<>();

    Thumbnails(Control grid, SessionModel sessions, ClientHome home) {
        this.grid = grid;
        this.sessions = sessions;
        this.fetcher = new ThumbnailFetcher(home);
        this.background = new Background(sessions, grid);
        for (int i = 0; i < ThumbnailFetcher.PARALLEL_REQUESTS; i++) {
            Job loader = Job.create("Loading thumbnails", monitor -> {
                Image next;
                while ((next = queue.pollFirst()) != null && !monitor.isCanceled()) {
                    load(next);
                }
                return Status.OK_STATUS;
            });
            loader.setSystem(true);
            loaders.add(loader);
        }
        grid.addDisposeListener(event -> dispose());
    }

    /** A grid in {@code parent}'s grid layout, spanning its {@code columns}, whose thumbnails load like this. */
    static ThumbnailGrid grid(Composite parent, int columns, SessionModel sessions, ClientHome home, int size,
            Function<Image, List<String>> captions) {
        ThumbnailGrid grid = new ThumbnailGrid(parent);
        GridDataFactory.fillDefaults().grab(true, true).span(columns, 1).applyTo(grid);
        grid.setThumbnailSize(size);
        grid.setCaptions(captions);
        grid.setThumbnails(new Thumbnails(grid, sessions, home)::get);
        return grid;
    }

    /** The thumbnail if loaded; otherwise null, and it is fetched. Call on the UI thread. */
    org.eclipse.swt.graphics.Image get(Image image) {
        String key = key(image);
        org.eclipse.swt.graphics.Image swtImage = loaded.get(key);
        if (swtImage == null && asked.add(key)) {
            queue.addFirst(image);
            loaders.forEach(Job::schedule); // a running one goes on draining the queue; an idle one starts
        }
        return swtImage;
    }

    private void load(Image image) {
        try {
            GalleristSession session = sessions.session().orElse(null);
            if (session == null) {
                forget(image);
                return;
            }
            ImageData data = new ImageData(new ByteArrayInputStream(fetcher.fetch(session, image)));
            background.onUiThread(() -> {
                loaded.put(key(image), new org.eclipse.swt.graphics.Image(grid.getDisplay(), data));
                grid.redraw();
            });
        } catch (RuntimeException e) {
            // the grid keeps its placeholder; a later reload asks again
            LOG.debug("Thumbnail of #{} not loaded", image.id(), e);
            forget(image);
        }
    }

    /** Lets a later {@link #get} ask for it again. */
    private void forget(Image image) {
        background.onUiThread(() -> asked.remove(key(image)));
    }

    private static String key(Image image) {
        return image.id() + "-" + image.sha256();
    }

    private void dispose() {
        loaders.forEach(Job::cancel);
        queue.clear();
        loaded.values().forEach(org.eclipse.swt.graphics.Image::dispose);
        loaded.clear();
    }
}
