package org.gallerist.imaging.internal;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.spi.ServiceRegistry;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.plugins.bmp.BMPImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

/**
 * The readers and the writer this bundle uses, chosen explicitly instead of through the JVM-wide ImageIO registry.
 * <p>
 * Inside OSGi the registry finds plugins with {@code ServiceLoader} on the thread context class loader, which does not
 * see other bundles. So the TwelveMonkeys reader providers are instantiated here, and the JDK's own PNG, GIF and JPEG
 * providers are only looked up (never registered, never scanned for) in the default registry, where the JDK always puts
 * them. Nothing global is changed. Providers are stateless; every call creates its own reader or writer.
 */
final class Codecs {

    /** A format Gallerist reads: its lower-case name and the provider that recognises and decodes it. */
    record Format(String name, ImageReaderSpi provider) {
    }

    /** The names users see in messages, in sniffing order. */
    static final String FORMAT_LIST = "JPEG, PNG, GIF, BMP, WebP, TIFF, camera raw with a preview: DNG, CR2, NEF, ARW,"
            + " CR3, RAF, ORF, RW2";

    private static final String JDK_PNG_READER = "com.sun.imageio.plugins.png.PNGImageReaderSpi";
    private static final String JDK_GIF_READER = "com.sun.imageio.plugins.gif.GIFImageReaderSpi";
    private static final String JDK_JPEG_READER = "com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi";
    private static final String JDK_JPEG_WRITER = "com.sun.imageio.plugins.jpeg.JPEGImageWriterSpi";

    private final List<Format> formats;
    private final ImageWriterSpi jpegWriter;

    Codecs() {
        IIORegistry jdk = IIORegistry.getDefaultInstance();
        this.formats = List.of(
                new Format("jpeg", twelveMonkeysJpeg(jdkProvider(jdk, ImageReaderSpi.class, JDK_JPEG_READER))),
                new Format("png", jdkProvider(jdk, ImageReaderSpi.class, JDK_PNG_READER)),
                new Format("gif", jdkProvider(jdk, ImageReaderSpi.class, JDK_GIF_READER)),
                new Format("bmp", new BMPImageReaderSpi()),
                new Format("webp", new WebPImageReaderSpi()),
                new Format("tiff", new TIFFImageReaderSpi()));
        this.jpegWriter = jdkProvider(jdk, ImageWriterSpi.class, JDK_JPEG_WRITER);
    }

    List<Format> formats() {
        return formats;
    }

    /** JPEG, which also reads the previews raw files are shown by. */
    Format jpeg() {
        return formats.get(0);
    }

    ImageWriterSpi jpegWriter() {
        return jpegWriter;
    }

    /**
     * The format whose provider recognises the content (the file name plays no part), or {@code null}. Leaves the
     * stream at its start.
     */
    Format sniff(ImageInputStream input) throws IOException {
        for (Format format : formats) {
            input.seek(0);
            boolean recognised;
            try {
                recognised = format.provider().canDecodeInput(input);
            } catch (IOException | RuntimeException e) {
                // Too short or malformed for this provider's signature check: not this format.
                recognised = false;
            }
            if (recognised) {
                input.seek(0);
                return format;
            }
        }
        input.seek(0);
        return null;
    }

    /**
     * TwelveMonkeys' JPEG reader (CMYK/YCCK, ICC profiles, broken-marker tolerance) wraps the JDK's reader, which it
     * finds when registered. Registering both in a private registry wires that up without touching the JVM-wide one.
     */
    private static ImageReaderSpi twelveMonkeysJpeg(ImageReaderSpi jdkJpeg) {
        ServiceRegistry privateRegistry = new ServiceRegistry(Set.<Class<?>>of(ImageReaderSpi.class).iterator());
        privateRegistry.registerServiceProvider(jdkJpeg, ImageReaderSpi.class);
        JPEGImageReaderSpi jpeg = new JPEGImageReaderSpi();
        privateRegistry.registerServiceProvider(jpeg, ImageReaderSpi.class);
        if (!privateRegistry.contains(jpeg)) {
            throw new IllegalStateException("The TwelveMonkeys JPEG reader did not find the JDK's JPEG reader");
        }
        return jpeg;
    }

    private static <T> T jdkProvider(IIORegistry registry, Class<T> category, String className) {
        Iterator<T> providers = registry.getServiceProviders(category, false);
        while (providers.hasNext()) {
            T provider = providers.next();
            if (provider.getClass().getName().equals(className)) {
                return provider;
            }
        }
        throw new IllegalStateException("This Java runtime has no " + className);
    }
}
