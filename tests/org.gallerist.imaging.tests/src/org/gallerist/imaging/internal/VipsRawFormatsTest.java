package org.gallerist.imaging.internal;

import org.gallerist.spi.imaging.ImageProcessor;

/** Camera raw files on the libvips backend, which leaves them to the pure-Java one. */
class VipsRawFormatsTest extends RawFormatContract {

    @Override
    protected ImageProcessor processor() {
        return VipsBackend.registered();
    }
}
