package org.gallerist.core.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.ImageService;

/**
 * The ids of a request for one or several images (each once, at most {@link ImageService#MAX_IDS_PER_REQUEST}), and
 * the ones it cannot apply to, collected so that an all-or-nothing request names every refused id and why.
 */
final class IdRefusals {

    private record Refusal(long id, GalleristException reason) {
    }

    private final int size;
    private final String done;
    private final List<Refusal> refusals = new ArrayList<>();

    /** @param done what the request does, as in "nothing was {@code done}" */
    IdRefusals(List<Long> ids, String done) {
        if (ids.isEmpty()) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "Give at least one image id.");
        }
        if (ids.size() > ImageService.MAX_IDS_PER_REQUEST) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "At most " + ImageService.MAX_IDS_PER_REQUEST
                    + " images in one request; this one names " + ids.size() + ".");
        }
        Set<Long> seen = new HashSet<>();
        for (long id : ids) {
            if (!seen.add(id)) {
                throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "Image #" + id + " is named twice.");
            }
        }
        this.size = ids.size();
        this.done = done;
    }

    void refuse(long id, GalleristException reason) {
        refusals.add(new Refusal(id, reason));
    }

    /**
     * @throws GalleristException if any id was refused: for a request of one id its own refusal; for several the
     *                            first refusal's code with every refusal under {@code errors} ({id, error, message})
     */
    void throwIfAny() {
        if (refusals.isEmpty()) {
            return;
        }
        if (size == 1) {
            throw refusals.get(0).reason();
        }
        List<Map<String, Object>> errors = refusals.stream().map(refusal -> Map.<String, Object>of("id",
                refusal.id(), "error", refusal.reason().code().wireName(), "message", refusal.reason().getMessage()))
                .toList();
        throw new GalleristException(refusals.get(0).reason().code(), refusals.size() + " of " + size
                + " images were refused; nothing was " + done + " (see errors).", Map.of("errors", errors));
    }
}
