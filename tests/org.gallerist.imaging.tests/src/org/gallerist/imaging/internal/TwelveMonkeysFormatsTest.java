package org.gallerist.imaging.internal;

import org.gallerist.spi.imaging.ImageProcessor;

/** The formats on the pure-Java backend: TIFF read, HEIC, AVIF and JPEG XL refused with the package that adds them. */
class TwelveMonkeysFormatsTest extends FormatContract {

    @Override
    protected ImageProcessor processor() {
        return new TwelveMonkeysImageProcessor();
    }

    @Override
    protected boolean readsNativeOnlyFormats() {
        return false;
    }
}
