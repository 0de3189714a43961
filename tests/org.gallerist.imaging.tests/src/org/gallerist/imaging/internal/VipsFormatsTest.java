package org.gallerist.imaging.internal;

import org.gallerist.spi.imaging.ImageProcessor;

/** The formats on the libvips backend, which reads them all (HEIC and AVIF through libheif, JPEG XL through libjxl). */
class VipsFormatsTest extends FormatContract {

    @Override
    protected ImageProcessor processor() {
        return VipsBackend.registered();
    }

    @Override
    protected boolean readsNativeOnlyFormats() {
        return true;
    }
}
