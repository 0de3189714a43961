package org.gallerist.client.core.shop;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gallerist.api.image.Page;
import org.gallerist.client.core.internal.ChangeListeners;

/**
 * A list the server hands out a page at a time (orders, sales totals). It never talks to the network itself:
 * {@link #restart} and {@link #next} hand out a {@link Request} for the caller to send from a job, and
 * {@link #accept} or {@link #fail} take the answer back. At most one request is in flight; an answer to a request
 * made before the last restart is dropped. Not thread-safe: use it from one thread (the UI thread).
 */
public final class PagedList<T> {

    /** One page to fetch: {@code after} null for the first. */
    public record Request(long generation, String after, int limit) {
    }

    private final int pageSize;
    private final ChangeListeners listeners = new ChangeListeners();
    private final List<T> items = new ArrayList<>();
    private long generation;
    private Request inFlight;
    private String cursor;
    private boolean started;
    private boolean firstPageLoaded;
    private String error;

    public PagedList(int pageSize) {
        this.pageSize = pageSize;
    }

    /** Forgets what was loaded and asks for the first page. */
    public Request restart() {
        generation++;
        items.clear();
        cursor = null;
        started = true;
        firstPageLoaded = false;
        error = null;
        inFlight = new Request(generation, null, pageSize);
        listeners.fire();
        return inFlight;
    }

    /** Forgets everything, e.g. when the user logs out; answers still on their way are dropped. */
    public void clear() {
        generation++;
        items.clear();
        cursor = null;
        started = false;
        firstPageLoaded = false;
        inFlight = null;
        error = null;
        listeners.fire();
    }

    /** The next page to fetch, or empty while one is in flight, before {@link #restart} or at the end. */
    public Optional<Request> next() {
        if (!started || inFlight != null || (firstPageLoaded && cursor == null)) {
            return Optional.empty();
        }
        inFlight = new Request(generation, firstPageLoaded ? cursor : null, pageSize);
        error = null;
        listeners.fire();
        return Optional.of(inFlight);
    }

    /** Appends the page; false (and nothing changes) when it answers a request made before the last restart. */
    public boolean accept(Request request, Page<T> page) {
        if (!request.equals(inFlight)) {
            return false;
        }
        inFlight = null;
        firstPageLoaded = true;
        items.addAll(page.items());
        cursor = page.next();
        listeners.fire();
        return true;
    }

    /** Records why the page failed, so the user can read it and ask again. */
    public boolean fail(Request request, String message) {
        if (!request.equals(inFlight)) {
            return false;
        }
        inFlight = null;
        error = message;
        listeners.fire();
        return true;
    }

    public List<T> items() {
        return List.copyOf(items);
    }

    public boolean isLoading() {
        return inFlight != null;
    }

    public boolean hasMore() {
        return firstPageLoaded && cursor != null;
    }

    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** e.g. "Loading…", "No orders yet", "1 order", "50 orders, more available", with the nouns given. */
    public String summary(String one, String many, String none) {
        if (isLoading() && items.isEmpty()) {
            return "Loading\u2026";
        }
        if (error != null && items.isEmpty()) {
            return error;
        }
        if (firstPageLoaded && items.isEmpty()) {
            return none;
        }
        String count = items.size() + " " + (items.size() == 1 ? one : many);
        return isLoading() ? count + ", loading more\u2026" : hasMore() ? count + ", more available" : count;
    }

    /** @return a handle that removes the listener again */
    public Runnable addListener(Runnable listener) {
        return listeners.add(listener);
    }
}
