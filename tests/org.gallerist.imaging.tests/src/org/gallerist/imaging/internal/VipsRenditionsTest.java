package org.gallerist.imaging.internal;

import org.gallerist.spi.imaging.ImageProcessor;

/** Sizes, orientation, robustness and the one-decode upload on the libvips backend. */
class VipsRenditionsTest extends RenditionContract {

    @Override
    protected ImageProcessor processor() {
        return VipsBackend.registered();
    }
}
