package org.gallerist.api.image;

import java.util.List;
import java.util.Optional;

/** One batch of results and, if more remain, the cursor that fetches the next batch. */
public record Page<T>(List<T> items, String next) {
    public Page {
        items = List.copyOf(items);
    }

    public Optional<String> nextCursor() {
        return Optional.ofNullable(next);
    }
}
