package org.gallerist.similarity.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;

/**
 * Who may see each image, and the search filter built from it, the way the server's similarity service does it
 * (org.gallerist.core's ActiveIndex and ImageAccess): a concurrent map from image id to owner, public flag and tags,
 * looked up per candidate. Synthetic images belong to {@code owners} users, and {@code privateShare} of them are
 * private; the caller is an ordinary user who owns some of the private ones.
 */
final class Visibility {

    record Access(String owner, boolean isPublic, Set<String> tags) {
        boolean visibleTo(String caller) {
            return isPublic || owner.equals(caller);
        }

        boolean hasAll(List<String> wanted) {
            return tags.containsAll(wanted);
        }
    }

    private final Map<Long, Access> access = new ConcurrentHashMap<>();

    Visibility(int images, int owners, double privateShare, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (long id = 1; id <= images; id++) {
            access.put(id, new Access("user" + random.nextInt(owners), random.nextDouble() >= privateShare,
                    Set.of("tag" + random.nextInt(50))));
        }
    }

    /** What the service passes to {@link org.gallerist.spi.similarity.VectorIndex#search}. */
    LongPredicate filterFor(String caller, List<String> tags) {
        return id -> {
            Access imageAccess = access.get(id);
            return imageAccess != null && imageAccess.visibleTo(caller) && imageAccess.hasAll(tags);
        };
    }
}
