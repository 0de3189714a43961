package org.gallerist.imaging.vips.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.ImageSize;
import org.gallerist.spi.imaging.EmbeddedMetadata;
import org.gallerist.spi.imaging.ImageProcessor;
import org.gallerist.spi.imaging.PixelLimit;
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
 * entirely. HEIC, AVIF and JPEG XL, which that backend only recognises, are read here alone (libheif and libjxl
 * through libvips). Without libvips 8.13+ on the machine everything goes to that backend, as a log line at start
 * says, and those three formats get {@code unsupported_format}.
 */
@Component(service = ImageProcessor.class, property = {"service.ranking:Integer=100", "imaging.backend=vips"})
public class VipsImageProcessor implements ImageProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(VipsImageProcessor.class);
    /**
     * What the Java backend reports that libvips decodes here, by the loader that must read it (enabled in
     * {@link Vips}): a file that libvips would give to another loader than its sniffed format's (a polyglot) stays
     * with the Java backend.
     */
    private static final Map<String, String> VIPS_FORMATS = Map.of("jpeg", "VipsForeignLoadJpeg",
            "png", "VipsForeignLoadPng", "gif", "VipsForeignLoadNsgif", "webp", "VipsForeignLoadWebp",
            "tiff", "VipsForeignLoadTiff");
    /**
     * What the Java backend recognises but cannot decode ({@code unsupported_format}), by the libvips loader that
     * reads it here, header included.
     */
    /** EXIF and XMP blocks are a few KB; a larger one is not read. */
    private static final int MAX_METADATA_BLOCK = 1 << 20;
    private static final Map<String, String> NATIVE_ONLY = Map.of("heic", "VipsForeignLoadHeif",
            "avif", "VipsForeignLoadHeif", "jxl", "VipsForeignLoadJxl");
    static final int JPEG_QUALITY = 85;
    /** Like the Java backend's ceiling for {@link #render}, which is not given the configured limit. */
    private static final long RENDER_PIXEL_CEILING = 1L << 28;
    /** How libheif says it has no decoder for the file's codec. */
    private static final Pattern MISSING_CODEC = Pattern.compile("unsupported codec|no decoder|decoder plugin",
            Pattern.CASE_INSENSITIVE);

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
    public List<String> formats() {
        List<String> formats = new ArrayList<>(java.formats());
        if (vips.isPresent()) {
            formats.addAll(List.of("heic", "avif", "jxl"));
        }
        return List.copyOf(formats);
    }

    @Override
    public Inspection inspect(Path file, long maxPixels) {
        return inspectHere(file, maxPixels);
    }

    /**
     * The Java backend's checks; for the formats it leaves to libvips, the header as libvips reads it (HEIF's own
     * rotation applied), checked against the same pixel limit.
     */
    private Inspection inspectHere(Path file, long maxPixels) {
        try {
            return java.inspect(file, maxPixels);
        } catch (GalleristException e) {
            if (e.code() == ErrorCode.NOT_AN_IMAGE && vips.isPresent()) {
                throw new GalleristException(ErrorCode.NOT_AN_IMAGE, "The file is not an image Gallerist can read ("
                        + String.join(", ", formats().stream().map(VipsImageProcessor::displayName).toList()) + ").");
            }
            if (e.code() != ErrorCode.UNSUPPORTED_FORMAT || vips.isEmpty() || file.toString().indexOf('[') >= 0
                    || !(e.details().get("format") instanceof String format) || !NATIVE_ONLY.containsKey(format)) {
                throw e;
            }
            Vips.Header header = call(format, () -> vips.get().header(file.toString(), NATIVE_ONLY.get(format)));
            if (header.width() <= 0 || header.height() <= 0) {
                throw corrupt(format);
            }
            PixelLimit.check(header.width(), header.height(), maxPixels);
            return new Inspection(format, header.width(), header.height(), header.pages());
        }
    }

    @Override
    public byte[] render(Path file, ImageSize size) {
        if (size == ImageSize.ORIGINAL) {
            throw new IllegalArgumentException("The original is served as uploaded, not rendered");
        }
        Inspection header = inspectHere(file, RENDER_PIXEL_CEILING);
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
        Inspection header = inspectHere(file, maxPixels);
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
        Inspection header = inspectHere(file, maxPixels);
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

    /**
     * The Java backend reads the metadata of the formats it knows; for HEIF, AVIF and JPEG XL, libvips takes the
     * EXIF and XMP blocks out of the container and the Java backend reads those.
     */
    @Override
    public EmbeddedMetadata metadata(Path file) {
        String format = nativeOnlyFormat(file);
        if (format == null) {
            return java.metadata(file);
        }
        try {
            // libvips 8.14 keeps a HEIF's XMP as "heif-mime-N" (the N-th metadata item), later ones as "xmp-data"
            byte[][] blocks = vips.get().blobs(file.toString(), NATIVE_ONLY.get(format), MAX_METADATA_BLOCK,
                    "exif-data", "xmp-data", "heif-mime-0", "heif-mime-1", "heif-mime-2", "heif-mime-3");
            byte[] xmp = null;
            for (int i = 1; i < blocks.length && xmp == null; i++) {
                if (blocks[i] != null && new String(blocks[i], 0, Math.min(blocks[i].length, 4096),
                        StandardCharsets.ISO_8859_1).contains("<x:xmpmeta")) {
                    xmp = blocks[i];
                }
            }
            return java.metadata(blocks[0], xmp);
        } catch (Throwable e) { // metadata never fails an upload
            LOG.debug("No metadata from a {} image: {}", format, e.getMessage());
            return EmbeddedMetadata.NONE;
        }
    }

    @Override
    public EmbeddedMetadata metadata(byte[] exif, byte[] xmp) {
        return java.metadata(exif, xmp);
    }

    /** The format when it is one only libvips reads here, else {@code null}. */
    private String nativeOnlyFormat(Path file) {
        if (vips.isEmpty() || file.toString().indexOf('[') >= 0) {
            return null;
        }
        try {
            java.inspect(file, Long.MAX_VALUE);
            return null;
        } catch (GalleristException e) {
            return e.code() == ErrorCode.UNSUPPORTED_FORMAT && e.details().get("format") instanceof String format
                    && NATIVE_ONLY.containsKey(format) ? format : null;
        }
    }

    private boolean decodesHere(Inspection header, Path file) {
        // libvips reads options from a "[...]" suffix of a file name; staged files never have one, but be sure
        if (vips.isEmpty() || file.toString().indexOf('[') >= 0) {
            return false;
        }
        String loader = VIPS_FORMATS.getOrDefault(header.format(), NATIVE_ONLY.get(header.format()));
        if (loader == null) {
            return false;
        }
        try {
            return vips.get().loaderOf(file.toString()).startsWith(loader);
        } catch (Vips.Failure e) {
            return false;
        } catch (Throwable e) {
            throw new IllegalStateException("A libvips call failed", e);
        }
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

    private static <T> T call(Inspection header, VipsWork<T> work) {
        return call(header.format(), work);
    }

    /**
     * Runs libvips work on a file of a known format: a failure of libvips there means the file is damaged, or, where
     * libheif says so, that it lacks the codec this file needs (e.g. an AVIF without an AV1 decoder).
     */
    private static <T> T call(String format, VipsWork<T> work) {
        try {
            return work.run();
        } catch (Vips.Failure e) {
            LOG.debug("libvips could not read a {} image: {}", format, e.getMessage());
            if (MISSING_CODEC.matcher(e.getMessage()).find()) {
                throw new GalleristException(ErrorCode.UNSUPPORTED_FORMAT, "This " + displayName(format)
                        + " image needs a codec the server's libheif lacks (Debian package libheif1 brings the usual"
                        + " ones).", Map.of("format", format, "package", "libheif1"));
            }
            throw corrupt(format);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("A libvips call failed", e);
        }
    }

    private static GalleristException corrupt(String format) {
        return new GalleristException(ErrorCode.CORRUPT_IMAGE,
                "The " + displayName(format) + " image is truncated or corrupt and cannot be read.");
    }

    private static String displayName(String format) {
        return switch (format) {
            case "webp" -> "WebP";
            case "jxl" -> "JPEG XL";
            case "heic" -> "HEIC/HEIF";
            default -> format.toUpperCase(Locale.ROOT);
        };
    }
}
