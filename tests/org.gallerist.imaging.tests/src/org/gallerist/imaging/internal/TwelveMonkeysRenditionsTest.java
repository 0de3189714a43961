package org.gallerist.imaging.internal;

import org.gallerist.spi.imaging.ImageProcessor;

/** Sizes, orientation, robustness and the one-decode upload on the pure-Java backend (TwelveMonkeys ImageIO). */
class TwelveMonkeysRenditionsTest extends RenditionContract {

    @Override
    protected ImageProcessor processor() {
        return new TwelveMonkeysImageProcessor();
    }
}
