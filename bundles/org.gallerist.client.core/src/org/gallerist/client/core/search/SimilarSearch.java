package org.gallerist.client.core.search;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.similarity.SimilarImage;
import org.gallerist.api.similarity.SimilarityService;
import org.gallerist.client.core.ErrorMessages;
import org.gallerist.client.core.internal.AwaitedRequest;
import org.gallerist.client.core.internal.ChangeListeners;

/**
 * The "find similar" half of the Search part: what the last search was like, its hits with scores, and whether the
 * server can search by similarity at all. Answers to a search that a newer one replaced are dropped. Use from one
 * thread; the network calls happen elsewhere.
 */
public final class SimilarSearch {
    public static final int RESULT_LIMIT = 48;

    /** One search; {@code like} names what it searches for, e.g. "photo.jpg" or "#12 Rocket launch". */
    public record Request(long generation, String like) {
    }

    private final ChangeListeners listeners = new ChangeListeners();
    private long generation;
    private final AwaitedRequest<Request> inFlight = new AwaitedRequest<>();
    private Request shown;
    private List<SimilarImage> hits = List.of();
    private String error;
    private String unavailable;

    public Request start(String like) {
        Request request = inFlight.await(new Request(++generation, Objects.requireNonNull(like, "like")));
        error = null;
        listeners.fire();
        return request;
    }

    public boolean accept(Request request, List<SimilarImage> results) {
        return inFlight.settle(request, () -> {
            shown = request;
            hits = List.copyOf(results);
            listeners.fire();
        });
    }

    /** A failure of the search; one that says the server cannot search by similarity switches the half off. */
    public boolean fail(Request request, Throwable failure) {
        return inFlight.settle(request, () -> {
            shown = request;
            hits = List.of();
            unavailableReason(failure).ifPresentOrElse(reason -> unavailable = reason,
                    () -> error = ErrorMessages.readable(failure));
            listeners.fire();
        });
    }

    /** Takes the server's similarity status (or the failure to get it) into account. */
    public void status(SimilarityService.Status status) {
        unavailable = status.dimension() <= 0 || "none".equals(status.embedder())
                ? "This server has no image model, so it cannot search by similarity." : null;
        listeners.fire();
    }

    public void statusFailed(Throwable failure) {
        unavailable = unavailableReason(failure).orElse(null);
        listeners.fire();
    }

    static Optional<String> unavailableReason(Throwable failure) {
        if (failure instanceof GalleristException e) {
            if (e.code() == ErrorCode.UNKNOWN_COMMAND) {
                return Optional.of("This server is older and cannot search by similarity.");
            }
            if (e.code() == ErrorCode.UNAVAILABLE) {
                return Optional.of("This server has no image model, so it cannot search by similarity.");
            }
        }
        return Optional.empty();
    }

    public boolean isAvailable() {
        return unavailable == null;
    }

    /** Why similarity search is off, when it is. */
    public Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    public boolean isSearching() {
        return inFlight.isWaiting();
    }

    public List<SimilarImage> hits() {
        return hits;
    }

    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** "Searching for images like x…", "5 images like x", "Nothing like x was found", or the error. */
    public String summary() {
        if (inFlight.isWaiting()) {
            return "Searching for images like " + inFlight.request().like() + "\u2026";
        }
        if (unavailable != null) {
            return unavailable;
        }
        if (error != null) {
            return error;
        }
        if (shown == null) {
            return "Choose or drop an image to find similar ones.";
        }
        if (hits.isEmpty()) {
            return "Nothing like " + shown.like() + " was found.";
        }
        return (hits.size() == 1 ? "1 image" : hits.size() + " images") + " like " + shown.like();
    }

    /** @return a handle that removes the listener again */
    public Runnable addListener(Runnable listener) {
        return listeners.add(listener);
    }
}
