package org.gallerist.client.core.thumbs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.client.ServerAddress;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageSize;
import org.gallerist.client.core.ClientHome;

/**
 * A thumbnail's bytes from the disk cache of its server, else from the server (and then kept). Safe to call from
 * several threads at once: each call is one request on the session, which runs it on a channel of its own, so
 * loading a page with a few calls in flight costs about one round trip per few thumbnails instead of one each.
 */
public final class ThumbnailFetcher {

    /**
     * Requests in flight on one session when a page loads: enough to hide the round trips on loopback and LAN,
     * well under the server's channels per session (10), leaving room for the user's own requests.
     */
    public static final int PARALLEL_REQUESTS = 4;

    private final ClientHome home;
    private final Map<ServerAddress, ThumbnailCache> caches = new ConcurrentHashMap<>();

    public ThumbnailFetcher(ClientHome home) {
        this.home = home;
    }

    /** @throws RuntimeException as the session throws it when the server cannot be asked */
    public byte[] fetch(GalleristSession session, Image image) {
        ThumbnailCache cache = cache(session.server());
        return cache.read(image).orElseGet(() -> {
            byte[] thumbnail = session.images().content(image.id(), ImageSize.THUMB);
            cache.write(image, thumbnail);
            return thumbnail;
        });
    }

    /** The one cache of {@code server}'s thumbnails (one instance per folder keeps its size). */
    public ThumbnailCache cache(ServerAddress server) {
        return caches.computeIfAbsent(server, address -> ThumbnailCache.forServer(home, address));
    }
}
