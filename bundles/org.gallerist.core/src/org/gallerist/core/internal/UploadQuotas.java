package org.gallerist.core.internal;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.User;
import org.gallerist.spi.storage.ImageStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * How much one account may store: images and the bytes of their original files (renditions are not counted). Admins
 * are exempt; a limit of 0 means none.
 */
@Component(service = UploadQuotas.class, configurationPid = UploadQuotas.PID)
@Designate(ocd = UploadQuotas.Config.class)
public class UploadQuotas {

    public static final String PID = "org.gallerist.quotas";
    static final String IMAGES = "images";
    static final String BYTES = "stored_bytes";

    @ObjectClassDefinition(id = PID, name = "Gallerist per-user quotas",
            description = "How many images, and how many bytes of them, each account other than an admin may store")
    public @interface Config {
        @AttributeDefinition(description = "Images per account; 0 means no limit", min = "0")
        long maxImagesPerUser() default 10_000L;

        @AttributeDefinition(description = "Bytes of original files per account (default 20 GiB); 0 means no limit",
                min = "0")
        long maxStoredBytesPerUser() default 20L * 1024 * 1024 * 1024;
    }

    private final long maxImages;
    private final long maxBytes;

    @Activate
    public UploadQuotas(Config config) {
        this(config.maxImagesPerUser(), config.maxStoredBytesPerUser());
    }

    UploadQuotas(long maxImages, long maxBytes) {
        this.maxImages = Math.max(0, maxImages);
        this.maxBytes = Math.max(0, maxBytes);
    }

    /** Before the bytes are read: refuses an owner who already has as many images as allowed. */
    void checkRoomForOne(User caller, Supplier<ImageStore.Usage> usage) {
        check(caller, usage, 0);
    }

    /** Refuses the upload of {@code bytes} more if it would take the caller over a quota. */
    void check(User caller, Supplier<ImageStore.Usage> currentUsage, long bytes) {
        if (caller.isAdmin() || (maxImages == 0 && maxBytes == 0)) {
            return;
        }
        ImageStore.Usage usage = currentUsage.get();
        if (maxImages > 0 && usage.images() + 1 > maxImages) {
            throw exceeded(IMAGES, maxImages, String.format(Locale.ROOT,
                    "You have %d images; an account may store at most %d.", usage.images(), maxImages));
        }
        if (maxBytes > 0 && usage.bytes() + bytes > maxBytes) {
            throw exceeded(BYTES, maxBytes, String.format(Locale.ROOT,
                    "This image (%s) would take your images to %s; an account may store at most %s.",
                    readable(bytes), readable(usage.bytes() + bytes), readable(maxBytes)));
        }
    }

    private static GalleristException exceeded(String limit, long max, String message) {
        return new GalleristException(ErrorCode.QUOTA_EXCEEDED, message,
                Map.of(GalleristException.LIMIT, limit, GalleristException.MAX, max));
    }

    static String readable(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = { "KiB", "MiB", "GiB", "TiB" };
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
