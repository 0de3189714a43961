package org.gallerist.core.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.gallerist.spi.storage.VectorStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the active index up to date with what every server on the same database writes: for each image that changed
 * (its vector, owner, visibility or tags, or the image gone), the image's entry is read as it is now and put into the
 * index or taken out of it. This server's own writes come back this way too, which does no harm: the index holds the
 * latest state either way. Runs on a thread of its own, following one index at a time.
 */
final class IndexFollower {

    private static final Logger LOG = LoggerFactory.getLogger(IndexFollower.class);
    /** The longest a change waits when an announcement of it was missed; announced ones arrive at once. */
    private static final Duration WAIT = Duration.ofSeconds(1);
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** An index and the feed it follows, from just before the index was loaded. */
    private record Following(ActiveIndex index, VectorStore.ChangeFeed feed) {
    }

    private final VectorStore vectors;
    /** Loads the index again, when the feed lost track of what changed. */
    private final Consumer<ActiveIndex> reload;
    private final Thread thread;
    private final Object changed = new Object();
    private volatile Following current;
    private long lastWarning = System.nanoTime() - WARN_EVERY_NANOS;

    IndexFollower(VectorStore vectors, Consumer<ActiveIndex> reload) {
        this.vectors = vectors;
        this.reload = reload;
        this.thread = new Thread(this::run, "gallerist-index-follower");
        thread.setDaemon(true);
        thread.start();
    }

    /** Follows the changes of this index from now on, instead of the previous index's (whose feed is closed). */
    void follow(ActiveIndex index, VectorStore.ChangeFeed feed) {
        synchronized (changed) {
            current = new Following(index, feed);
            changed.notifyAll();
        }
    }

    /** Stops following; the feed in use is closed. */
    void stop() throws InterruptedException {
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(5));
    }

    private void run() {
        Following followed = null;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Following now = awaitIndex();
                if (now != followed) {
                    close(followed);
                    followed = now;
                }
                step(followed);
            }
        } catch (InterruptedException stopped) {
            // the server stops
        } finally {
            close(followed);
            Following last = current;
            if (last != followed) {
                close(last);
            }
        }
    }

    private Following awaitIndex() throws InterruptedException {
        synchronized (changed) {
            while (current == null) {
                changed.wait();
            }
            return current;
        }
    }

    private void step(Following followed) throws InterruptedException {
        try {
            VectorStore.Changes changes = followed.feed().next(WAIT);
            if (current != followed) {
                return; // another index took over while this waited
            }
            if (changes.lostTrack()) {
                LOG.warn("The similarity index lost track of changes made by other servers; it loads again");
                reload.accept(followed.index());
            } else if (!changes.imageIds().isEmpty()) {
                apply(followed.index(), changes.imageIds());
            }
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            if (now - lastWarning >= WARN_EVERY_NANOS) {
                lastWarning = now;
                LOG.warn("The similarity index cannot follow changes for now (it tries again): {}", e.getMessage());
            }
            Thread.sleep(WAIT.toMillis());
        }
    }

    private void apply(ActiveIndex index, Collection<Long> imageIds) {
        Set<Long> gone = new HashSet<>(imageIds);
        for (VectorStore.Entry entry : vectors.entries(index.embedderId(), imageIds)) {
            index.put(entry.imageId(), ImageAccess.of(entry.owner(), entry.isPublic(), entry.tags()), entry.vector());
            gone.remove(entry.imageId());
        }
        gone.forEach(index::remove);
    }

    private static void close(Following following) {
        if (following != null) {
            try {
                following.feed().close();
            } catch (Exception e) {
                LOG.debug("Closing a change feed failed: {}", e.getMessage());
            }
        }
    }
}
