package org.gallerist.imaging.vips.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.ImageSize;
import org.gallerist.spi.imaging.ImageProcessor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ImageProcessor} whose pixel work runs in libvips (libjpeg-turbo, libpng, libwebp): JPEGs are shrunk while
 * they are decoded (DCT scaling), and one decode gives both renditions. The checks stay with the pure-Java backend it
 * is given ({@code imaging.backend=java}): each file is first inspected there (format sniffed from the content,
 * container checks, pixel limit from the header), and formats libvips is not allowed to read here (BMP) are left to it
 * entirely. Without libvips 8.13+ on the machine everything goes to that backend, as a log line at start says.
 */
@Component(service = ImageProcessor.class, property = {"service.ranking:Integer=100", "imaging.backend=vips"})
public class VipsImageProcessor implements ImageProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(VipsImageProcessor.class);
    /** What the Java backend reports that libvips decodes here (its loader is enabled in {@link Vips}). */
    private static final Set<String> VIPS_FORMATS = Set.of("jpeg", "png", "gif", "webp");
    static final int JPEG_QUALITY = 85;
    /** Like the Java backend's ceiling for {@link #render}, which is not given the configured limit. */
    private static final long RENDER_PIXEL_CEILING = 1L << 28;

    private final ImageProcessor java;
    private final Optional<Vips> vips;

    @Activate
    public VipsImageProcessor(@Reference(target = "(imaging.backend=java)") ImageProcessor java) {
        this.java = java;
        Vips.Loaded loaded = Vips.load();
        this.vips = loaded.vips();
        if (vips.isPresent()) {
            LOG.info("Images are decoded and rendered by libvips {}", vips.get().version());
        } else {
            LOG.info("libvips {}.{}+ is not usable here ({}); images are decoded by the pure-Java backend. On Debian,"
                    + " 'apt install libvips42' adds it.", Vips.MINIMUM_VERSION[0], Vips.MINIMUM_VERSION[1],
                    loaded.whyNot());
        }
    }

    /** The libvips release doing the work, or empty when the Java backend does it all. */
    public Optional<String> libraryVersion() {
        return vips.map(Vips::version);
    }

    @Override
    public Inspection inspect(Path file, long maxPixels) {
        return java.inspect(file, maxPixels);
    }

    @Override
    public byte[] render(Path file, ImageSize size) {
        if (size == ImageSize.ORIGINAL) {
            throw new IllegalArgumentException("The original is served as uploaded, not rendered");
        }
        Inspection header = java.inspect(file, RENDER_PIXEL_CEILING);
        if (!decodesHere(header, file)) {
            return java.render(file, size);
        }
        Vips lib = vips.get();
        return call(header, () -> {
            try (Vips.Image decoded = lib.thumbnail(file.toString(), size.maxEdge(), size.maxEdge());
                    Vips.Image rgb = lib.opaqueSrgb8(decoded)) {
                return lib.jpeg(rgb, JPEG_QUALITY);
            }
        });
    }

    /**
     * One decode, shrunk while decoding to the preview. The thumbnail is scaled from the preview's pixels, or, when
     * the analysis image is asked for, from that (scaled from the preview, and never smaller than the thumbnail):
     * one large reduction instead of two, each ~8 ms of a 1024 px preview's ~30 (docs/benchmarks.md "Ingest").
     */
    @Override
    public Prepared prepare(Path file, long maxPixels, int analysisShortSide) {
        Inspection header = java.inspect(file, maxPixels);
        if (!decodesHere(header, file)) {
            return java.prepare(file, maxPixels, analysisShortSide);
        }
        Vips lib = vips.get();
        int previewEdge = ImageSize.PREVIEW.maxEdge();
        int thumbEdge = ImageSize.THUMB.maxEdge();
        return call(header, () -> {
            try (Vips.Image decoded = lib.thumbnail(file.toString(), previewEdge, previewEdge);
                    Vips.Image rgb = lib.opaqueSrgb8(decoded);
                    Vips.Image preview = lib.inMemory(rgb)) {
                if (analysisShortSide <= 0) {
                    try (Vips.Image thumb = lib.thumbnail(preview, thumbEdge, thumbEdge)) {
                        return new Prepared(header, lib.jpeg(thumb, JPEG_QUALITY), lib.jpeg(preview, JPEG_QUALITY));
                    }
                }
                int[] box = analysisBox(preview.width(), preview.height(), analysisShortSide);
                try (Vips.Image scaled = lib.thumbnail(preview, box[0], box[1]);
                        Vips.Image analysis = lib.inMemory(scaled);
                        Vips.Image thumb = lib.thumbnail(analysis, thumbEdge, thumbEdge)) {
                    return new Prepared(header, lib.jpeg(thumb, JPEG_QUALITY), lib.jpeg(preview, JPEG_QUALITY),
                            toBufferedImage(lib, analysis));
                }
            }
        });
    }

    @Override
    public BufferedImage decodeForAnalysis(Path file, int minShortSide, long maxPixels) {
        Inspection header = java.inspect(file, maxPixels);
        if (!decodesHere(header, file)) {
            return java.decodeForAnalysis(file, minShortSide, maxPixels);
        }
        Vips lib = vips.get();
        int[] box = analysisBox(header.width(), header.height(), minShortSide);
        return call(header, () -> {
            try (Vips.Image decoded = lib.thumbnail(file.toString(), box[0], box[1])) {
                return toBufferedImage(lib, decoded);
            }
        });
    }

    /**
     * Left to the Java backend; the server embeds what {@link #prepare(Path, long, int)} gives, so this serves only
     * callers that hold nothing but encoded bytes.
     */
    @Override
    public BufferedImage decodeForAnalysis(byte[] content, int minShortSide, long maxPixels) {
        return java.decodeForAnalysis(content, minShortSide, maxPixels);
    }

    private boolean decodesHere(Inspection header, Path file) {
        // libvips reads options from a "[...]" suffix of a file name; staged files never have one, but be sure
        return vips.isPresent() && VIPS_FORMATS.contains(header.format()) && file.toString().indexOf('[') < 0;
    }

    /**
     * The box to shrink into so that the shorter side keeps at least {@code minShortSide} pixels (where the image has
     * them). Square, because libvips fits the upright image, whose sides an EXIF rotation may have swapped.
     */
    static int[] analysisBox(int width, int height, int minShortSide) {
        int longSide = Math.max(width, height);
        int shortSide = Math.min(width, height);
        int edge = shortSide <= minShortSide ? longSide
                : (int) Math.ceil(longSide * ((double) minShortSide / shortSide));
        return new int[] {edge, edge};
    }

    private static BufferedImage toBufferedImage(Vips lib, Vips.Image decoded) throws Throwable {
        try (Vips.Image rgb = lib.opaqueSrgb8(decoded)) {
            int width = rgb.width();
            int height = rgb.height();
            if (rgb.bands() != 3) {
                throw new IllegalStateException("libvips gave " + rgb.bands() + " bands where sRGB has 3");
            }
            byte[] pixels = lib.pixels(rgb);
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            int[] packed = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            for (int p = 0, i = 0; p < packed.length; p++, i += 3) {
                packed[p] = (pixels[i] & 0xFF) << 16 | (pixels[i + 1] & 0xFF) << 8 | (pixels[i + 2] & 0xFF);
            }
            return image;
        }
    }

    @FunctionalInterface
    private interface VipsWork<T> {
        T run() throws Throwable;
    }

    /** Runs libvips work on an inspected file: any failure of libvips there means the file is damaged. */
    private static <T> T call(Inspection header, VipsWork<T> work) {
        try {
            return work.run();
        } catch (Vips.Failure e) {
            LOG.debug("libvips could not read a {} image: {}", header.format(), e.getMessage());
            throw corrupt(header.format());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("A libvips call failed", e);
        }
    }

    private static GalleristException corrupt(String format) {
        String name = "webp".equals(format) ? "WebP" : format.toUpperCase(Locale.ROOT);
        return new GalleristException(ErrorCode.CORRUPT_IMAGE,
                "The " + name + " image is truncated or corrupt and cannot be read.");
    }
}
