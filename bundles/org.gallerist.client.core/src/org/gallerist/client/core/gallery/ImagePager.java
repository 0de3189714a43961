package org.gallerist.client.core.gallery;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageQuery;
import org.gallerist.api.image.Page;
import org.gallerist.client.core.internal.AwaitedRequest;
import org.gallerist.client.core.internal.ChangeListeners;

/**
 * The images of one query, loaded batch by batch with the server's cursors. It never talks to the network itself:
 * {@link #restart} and {@link #next} hand out a {@link Request} for the caller to send (from a background job), and
 * {@link #accept} or {@link #fail} take the answer back. At most one request is in flight, and an answer to a request
 * made before the query last changed is dropped. Not thread-safe: use it from one thread (the UI thread).
 */
public final class ImagePager {

    /** One batch to fetch; {@code generation} tells answers to an older query apart. */
    public record Request(long generation, ImageQuery query) {
    }

    private final ChangeListeners listeners = new ChangeListeners();
    private final List<Image> items = new ArrayList<>();
    private ImageQuery query;
    private long generation;
    private final AwaitedRequest<Request> inFlight = new AwaitedRequest<>();
    private String cursor;
    private boolean firstPageLoaded;
    private String error;

    /** Forgets what was loaded and asks for the first batch of {@code newQuery} (its {@code after} is ignored). */
    public Request restart(ImageQuery newQuery) {
        Objects.requireNonNull(newQuery, "newQuery");
        query = new ImageQuery(newQuery.tags(), newQuery.anyTag(), newQuery.text(), newQuery.mine(), newQuery.limit(),
                null);
        generation++;
        items.clear();
        cursor = null;
        firstPageLoaded = false;
        error = null;
        Request first = inFlight.await(new Request(generation, query));
        listeners.fire();
        return first;
    }

    /**
     * Loads the same query again from the start, as many images in the first request as are loaded now (up to
     * {@link ImageQuery#MAX_LIMIT}), so that a change elsewhere does not take away what the user had scrolled to.
     * Later batches have the query's own size again. Empty before the first query.
     */
    public Optional<Request> refresh() {
        if (query == null) {
            return Optional.empty();
        }
        int loaded = Math.min(ImageQuery.MAX_LIMIT, Math.max(query.limit(), items.size()));
        ImageQuery batchQuery = query;
        Request request = restart(batchQuery);
        return Optional.of(inFlight.await(new Request(request.generation(), new ImageQuery(batchQuery.tags(),
                batchQuery.anyTag(), batchQuery.text(), batchQuery.mine(), loaded, null))));
    }

    /** The request for the next batch, or empty while one is in flight, before the first query, or at the end. */
    public Optional<Request> next() {
        if (query == null || inFlight.isWaiting() || (firstPageLoaded && cursor == null)) {
            return Optional.empty();
        }
        if (!firstPageLoaded) {
            // the first batch failed: asking again means asking for it once more
            inFlight.await(new Request(generation, query));
        } else {
            inFlight.await(new Request(generation, new ImageQuery(query.tags(), query.anyTag(), query.text(),
                    query.mine(), query.limit(), cursor)));
        }
        error = null;
        listeners.fire();
        return Optional.of(inFlight.request());
    }

    /** Appends the batch; returns false (and changes nothing) when the answer belongs to an older query. */
    public boolean accept(Request request, Page<Image> page) {
        return inFlight.settle(request, () -> {
            firstPageLoaded = true;
            items.addAll(page.items());
            cursor = page.next();
            listeners.fire();
        });
    }

    /** Records why the batch failed, so the user can read it and ask again; stale failures are dropped. */
    public boolean fail(Request request, String message) {
        return inFlight.settle(request, () -> {
            error = message;
            listeners.fire();
        });
    }

    /** Puts a changed image in place of the loaded one with the same id (after an edit). */
    public void replace(Image changed) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id() == changed.id()) {
                items.set(i, changed);
                listeners.fire();
                return;
            }
        }
    }

    /** Drops deleted images from what is loaded, without reloading. */
    public void remove(List<Long> ids) {
        if (items.removeIf(image -> ids.contains(image.id()))) {
            listeners.fire();
        }
    }

    public List<Image> items() {
        return List.copyOf(items);
    }

    public int loadedCount() {
        return items.size();
    }

    /** True when the server said more images follow what is loaded. */
    public boolean hasMore() {
        return firstPageLoaded && cursor != null;
    }

    public boolean isLoading() {
        return inFlight.isWaiting();
    }

    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    public Optional<ImageQuery> query() {
        return Optional.ofNullable(query);
    }

    /** "Loading…", "No images", "1 image loaded", "60 images loaded, more available". */
    public String summary() {
        if (isLoading() && items.isEmpty()) {
            return "Loading\u2026";
        }
        if (firstPageLoaded && items.isEmpty()) {
            return "No images";
        }
        String count = items.size() == 1 ? "1 image loaded" : items.size() + " images loaded";
        if (isLoading()) {
            return count + ", loading more\u2026";
        }
        return hasMore() ? count + ", more available" : count;
    }

    /** @return a handle that removes the listener again */
    public Runnable addListener(Runnable listener) {
        return listeners.add(listener);
    }
}
