package org.gallerist.imaging.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.ImageSize;
import org.gallerist.spi.imaging.EmbeddedMetadata;
import org.gallerist.spi.imaging.ImageProcessor;
import org.gallerist.imaging.internal.metadata.MetadataReader;
import org.gallerist.spi.imaging.PixelLimit;
import org.gallerist.imaging.internal.Codecs.Format;
import org.osgi.service.component.annotations.Component;

/**
 * {@link ImageProcessor} on the TwelveMonkeys ImageIO plugins (JPEG incl. CMYK/YCCK, BMP, WebP, TIFF) and the JDK's PNG
 * and GIF readers; camera raw files by their JPEG previews ({@link RawPreview}, {@link RawContainers}). HEIC, AVIF and
 * JPEG XL are recognised, not decoded ({@code unsupported_format}). Stateless apart from the immutable set of
 * providers: every call opens its own stream and reader.
 */
@Component(service = ImageProcessor.class, property = "imaging.backend=java")
public class TwelveMonkeysImageProcessor implements ImageProcessor {

    /**
     * The ceiling for {@link #render}, which is not given the configured limit. Uploads are checked against that limit
     * (default 50 megapixels) before anything is stored, so this only stops absurd files; decoding is subsampled, so
     * memory stays bounded below it anyway.
     */
    static final long RENDER_PIXEL_CEILING = 1L << 28;

    /**
     * Warnings by which readers report a truncated or damaged stream while still returning a (partly grey) image, e.g.
     * the JDK JPEG reader's "Truncated File - Missing EOI marker" or libjpeg's "Premature end of JPEG file". Other
     * warnings (a bogus APP segment, extraneous bytes before a marker, an odd ICC profile) are common in real photos
     * and harmless.
     */
    private static final Pattern DAMAGE_WARNING = Pattern.compile(
            "truncat|premature end|missing eoi|unexpected end|end of (file|stream|data)", Pattern.CASE_INSENSITIVE);

    private final Codecs codecs = new Codecs();

    @Override
    public List<String> formats() {
        List<String> names = new ArrayList<>(codecs.formats().stream().map(Format::name).toList());
        names.addAll(names.indexOf("tiff") + 1, RawPreview.FORMATS);
        names.addAll(names.indexOf("raw") + 1, RawContainers.FORMATS);
        return List.copyOf(names);
    }

    @Override
    public Inspection inspect(Path file, long maxPixels) {
        try (ImageInputStream input = open(file)) {
            Shown shown = shown(input);
            ImageReader reader = createReader(shown.format(), shown.image());
            try {
                return header(shown.format(), reader, maxPixels, shown.orientation());
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw readFailed(file, e);
        }
    }

    @Override
    public EmbeddedMetadata metadata(Path file) {
        String format;
        try (ImageInputStream input = open(file)) {
            Optional<RawContainers.Found> raw = RawContainers.find(input);
            if (raw.isPresent()) {
                return RawContainers.metadata(input, raw.get());
            }
            format = sniff(input).name();
        } catch (IOException | RuntimeException e) {
            return EmbeddedMetadata.NONE;
        }
        return MetadataReader.read(file, format);
    }

    @Override
    public EmbeddedMetadata metadata(byte[] exif, byte[] xmp) {
        return MetadataReader.of(exif, xmp, null);
    }

    @Override
    public byte[] render(Path file, ImageSize size) {
        if (size == ImageSize.ORIGINAL) {
            throw new IllegalArgumentException("The original is served as uploaded, not rendered");
        }
        int maxEdge = size.maxEdge();
        Oriented decoded = decodeOriented(open(file), file, RENDER_PIXEL_CEILING,
                (width, height) -> Renditions.subsampling(width, height, maxEdge));
        BufferedImage upright = ExifOrientation.apply(
                Renditions.fitWithin(Renditions.flattenOntoWhite(decoded.image()), maxEdge), decoded.orientation());
        try {
            return Renditions.encodeJpeg(upright, codecs.jpegWriter());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode a JPEG rendition", e);
        }
    }

    /**
     * One decode, subsampled for the preview; the thumbnail is scaled from the preview's pixels. The analysis image
     * is decoded from the encoded preview, as {@link #decodeForAnalysis(byte[], int, long)} does for a stored one.
     */
    @Override
    public Prepared prepare(Path file, long maxPixels, int analysisShortSide) {
        int maxEdge = ImageSize.PREVIEW.maxEdge();
        Oriented decoded = decodeOriented(open(file), file, maxPixels,
                (width, height) -> Renditions.subsampling(width, height, maxEdge));
        BufferedImage preview = ExifOrientation.apply(
                Renditions.fitWithin(Renditions.flattenOntoWhite(decoded.image()), maxEdge), decoded.orientation());
        BufferedImage thumb = Renditions.fitWithin(preview, ImageSize.THUMB.maxEdge());
        try {
            byte[] encodedPreview = Renditions.encodeJpeg(preview, codecs.jpegWriter());
            return new Prepared(decoded.header(), Renditions.encodeJpeg(thumb, codecs.jpegWriter()), encodedPreview,
                    analysisShortSide > 0 ? decodeForAnalysis(encodedPreview, analysisShortSide, maxPixels) : null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode a JPEG rendition", e);
        }
    }

    @Override
    public BufferedImage decodeForAnalysis(Path file, int minShortSide, long maxPixels) {
        return analysisImage(decodeOriented(open(file), file, maxPixels, analysisStep(minShortSide)));
    }

    @Override
    public BufferedImage decodeForAnalysis(byte[] content, int minShortSide, long maxPixels) {
        ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(content));
        return analysisImage(decodeOriented(input, null, maxPixels, analysisStep(minShortSide)));
    }

    private static Subsampling analysisStep(int minShortSide) {
        if (minShortSide < 1) {
            throw new IllegalArgumentException("minShortSide must be positive");
        }
        return (width, height) -> Math.max(1, Math.min(width, height) / minShortSide);
    }

    private static BufferedImage analysisImage(Oriented decoded) {
        return ExifOrientation.apply(Renditions.flattenOntoWhite(decoded.image()), decoded.orientation());
    }

    private record Oriented(Inspection header, BufferedImage image, int orientation) {
    }

    private interface Subsampling {
        int step(int width, int height);
    }

    /** @param file where {@code source} comes from, for error messages; null for memory */
    private Oriented decodeOriented(ImageInputStream source, Path file, long maxPixels, Subsampling subsampling) {
        try (ImageInputStream input = source) {
            Shown shown = shown(input);
            ImageReader reader = createReader(shown.format(), shown.image());
            try {
                Inspection header = header(shown.format(), reader, maxPixels, shown.orientation());
                return new Oriented(header, decode(reader, header, subsampling.step(header.width(),
                        header.height())), shown.orientation());
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw readFailed(file, e);
        }
    }

    /** What a file is shown as: its format's name and reader, the stream of that picture, and its orientation. */
    private record Shown(Format format, ImageInputStream image, int orientation) {
    }

    /** The file's own picture, or for a camera raw file its largest JPEG preview (in the raw file's orientation). */
    private Shown shown(ImageInputStream input) throws IOException {
        Optional<RawContainers.Found> raw;
        try {
            raw = RawContainers.find(input);
        } catch (RawPreview.NoPreview e) {
            throw noPreview(e);
        } catch (IOException | RuntimeException e) {
            throw new GalleristException(ErrorCode.CORRUPT_IMAGE, "The raw file's layout is damaged: it names no"
                    + " readable preview.");
        }
        if (raw.isPresent()) {
            ImageInputStream jpeg = previewStream(input, raw.get().preview());
            int orientation = raw.get().orientation() > 0 ? raw.get().orientation() : ExifOrientation.read(jpeg);
            jpeg.seek(0);
            return new Shown(new Format(raw.get().preview().format(), codecs.jpeg().provider()), jpeg, orientation);
        }
        Format format = sniff(input);
        ContainerChecks.verify(format.name(), input);
        int orientation = orientation(format, input);
        if ("tiff".equals(format.name())) {
            Optional<RawPreview> preview;
            try {
                preview = RawPreview.of(input);
            } catch (RawPreview.NoPreview e) {
                throw noPreview(e);
            } catch (IOException | RuntimeException e) {
                preview = Optional.empty(); // not readable as a raw file: the TIFF reader has its say
            }
            if (preview.isPresent()) {
                ImageInputStream jpeg = previewStream(input, preview.get());
                return new Shown(new Format(preview.get().format(), codecs.jpeg().provider()), jpeg, orientation);
            }
        }
        input.seek(0);
        return new Shown(format, input, orientation);
    }

    private static ImageInputStream previewStream(ImageInputStream input, RawPreview preview) throws IOException {
        ImageInputStream jpeg = new MemoryCacheImageInputStream(new ByteArrayInputStream(preview.read(input)));
        ContainerChecks.verify("jpeg", jpeg);
        jpeg.seek(0);
        return jpeg;
    }

    private static GalleristException noPreview(RawPreview.NoPreview e) {
        String name = e.format().toUpperCase(Locale.ROOT);
        return new GalleristException(ErrorCode.UNSUPPORTED_FORMAT, "This " + name + " file carries no JPEG"
                + " preview: Gallerist shows raw files by the preview inside them. Save it with a preview"
                + " (cameras and most converters do), or upload a JPEG or TIFF.", Map.of("format", e.format()));
    }

    private static ImageInputStream open(Path file) {
        try {
            // Opened directly, not via ImageIO.createImageInputStream: no global registry or cache settings involved.
            return new FileImageInputStream(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open " + file, e);
        }
    }

    private Format sniff(ImageInputStream input) {
        Format format;
        try {
            format = input.length() == 0 ? null : codecs.sniff(input);
            if (format == null) {
                Optional<String> nativeOnly = NativeOnlyFormats.recognise(input);
                if (nativeOnly.isPresent()) {
                    throw NativeOnlyFormats.unsupported(nativeOnly.get());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the image file", e);
        }
        if (format == null) {
            throw new GalleristException(ErrorCode.NOT_AN_IMAGE,
                    "The file is not an image Gallerist can read (" + Codecs.FORMAT_LIST + ").");
        }
        return format;
    }

    private static ImageReader createReader(Format format, ImageInputStream input) {
        try {
            ImageReader reader = format.provider().createReaderInstance();
            reader.setInput(input, true, true);
            return reader;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a " + format.name() + " reader", e);
        }
    }

    private static int orientation(Format format, ImageInputStream input) {
        return switch (format.name()) {
            case "jpeg" -> ExifOrientation.read(input);
            case "tiff" -> ExifOrientation.readTiff(input);
            case "png", "webp" -> ExifOrientation.readChunks(input, format.name());
            default -> ExifOrientation.NORMAL;
        };
    }

    /**
     * Width and height from the header only (no pixels are decoded), as displayed: swapped where the orientation
     * turns the image by 90°. The pixel limit does not depend on it.
     */
    private static Inspection header(Format format, ImageReader reader, long maxPixels, int orientation) {
        int width;
        int height;
        int pages;
        try {
            width = reader.getWidth(0);
            height = reader.getHeight(0);
            pages = "tiff".equals(format.name()) ? Math.max(1, reader.getNumImages(true)) : 1;
        } catch (IOException | RuntimeException e) {
            throw corrupt(format);
        }
        if (width <= 0 || height <= 0) {
            throw corrupt(format);
        }
        PixelLimit.check(width, height, maxPixels);
        return ExifOrientation.swapsSides(orientation) ? new Inspection(format.name(), height, width, pages)
                : new Inspection(format.name(), width, height, pages);
    }

    /** Decodes the first image, taking every {@code step}-th pixel; fails if the reader saw damage. */
    private static BufferedImage decode(ImageReader reader, Inspection header, int step) {
        List<String> damage = new ArrayList<>();
        IIOReadWarningListener warnings = (source, warning) -> {
            if (warning != null && DAMAGE_WARNING.matcher(warning).find()) {
                damage.add(warning);
            }
        };
        reader.addIIOReadWarningListener(warnings);
        BufferedImage image;
        try {
            ImageReadParam param = reader.getDefaultReadParam();
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            image = reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            throw corrupt(header.format());
        } finally {
            reader.removeIIOReadWarningListener(warnings);
        }
        if (image == null || !damage.isEmpty()) {
            throw corrupt(header.format());
        }
        return image;
    }

    private static GalleristException corrupt(String format) {
        return new GalleristException(ErrorCode.CORRUPT_IMAGE,
                "The " + displayName(format) + " image is truncated or corrupt and cannot be read.");
    }

    private static GalleristException corrupt(Format format) {
        return corrupt(format.name());
    }

    private static UncheckedIOException readFailed(Path file, IOException e) {
        return new UncheckedIOException("Could not read " + (file == null ? "an image in memory" : file), e);
    }

    private static String displayName(String format) {
        return switch (format) {
            case "webp" -> "WebP";
            case "heic", "avif", "jxl" -> NativeOnlyFormats.displayName(format);
            default -> format.toUpperCase(Locale.ROOT);
        };
    }
}
