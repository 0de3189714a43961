package org.gallerist.core.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * How large an image the server accepts, for uploads and for search queries alike, and how many it decodes at once.
 */
@Component(service = ImageLimits.class, configurationPid = ImageLimits.PID)
@Designate(ocd = ImageLimits.Config.class)
public class ImageLimits {

    public static final String PID = "org.gallerist.images";

    @ObjectClassDefinition(id = PID, name = "Gallerist image limits",
            description = "The largest image an upload or a search query may be, and how many are decoded at once")
    public @interface Config {
        @AttributeDefinition(description = "Largest accepted file in bytes (default 50 MiB)", min = "1")
        long maxImageBytes() default 50L * 1024 * 1024;

        @AttributeDefinition(description = "Largest accepted image in pixels, checked from the header before"
                + " decoding (default 50 megapixels)", min = "1")
        long maxImagePixels() default 50_000_000L;

        @AttributeDefinition(description = "Images decoded at once, by uploads, imports and similar-image queries"
                + " together; 0 means twice the number of processors", min = "0")
        int maxConcurrentDecodes() default 0;

        @AttributeDefinition(description = "How long a decode waits for its turn, in milliseconds, before the"
                + " request is refused as busy (default 30 s)", min = "0")
        long decodeWaitMillis() default 30_000L;
    }

    private final long maxBytes;
    private final long maxPixels;
    private final DecodePermits decodes;

    @Activate
    public ImageLimits(Config config) {
        this.maxBytes = Math.max(1, config.maxImageBytes());
        this.maxPixels = Math.max(1, config.maxImagePixels());
        int concurrent = config.maxConcurrentDecodes() > 0 ? config.maxConcurrentDecodes()
                : 2 * Runtime.getRuntime().availableProcessors();
        this.decodes = new DecodePermits(concurrent, Math.max(0, config.decodeWaitMillis()));
    }

    public long maxBytes() {
        return maxBytes;
    }

    public long maxPixels() {
        return maxPixels;
    }

    /** The permits every decode of an image (not of its bytes' transfer) takes. */
    DecodePermits decodes() {
        return decodes;
    }
}
