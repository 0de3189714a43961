package org.gallerist.core.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How large an image the server accepts, for uploads and for search queries alike. */
@Component(service = ImageLimits.class, configurationPid = ImageLimits.PID)
@Designate(ocd = ImageLimits.Config.class)
public class ImageLimits {

    public static final String PID = "org.gallerist.images";

    @ObjectClassDefinition(id = PID, name = "Gallerist image limits",
            description = "The largest image an upload or a search query may be")
    public @interface Config {
        @AttributeDefinition(description = "Largest accepted file in bytes (default 50 MiB)", min = "1")
        long maxImageBytes() default 50L * 1024 * 1024;

        @AttributeDefinition(description = "Largest accepted image in pixels, checked from the header before"
                + " decoding (default 50 megapixels)", min = "1")
        long maxImagePixels() default 50_000_000L;
    }

    private final long maxBytes;
    private final long maxPixels;

    @Activate
    public ImageLimits(Config config) {
        this.maxBytes = Math.max(1, config.maxImageBytes());
        this.maxPixels = Math.max(1, config.maxImagePixels());
    }

    public long maxBytes() {
        return maxBytes;
    }

    public long maxPixels() {
        return maxPixels;
    }
}
