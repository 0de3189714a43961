package org.gallerist.imaging.internal;

import org.gallerist.spi.imaging.ImageProcessor;

/** Camera raw files on the pure-Java backend. */
class TwelveMonkeysRawFormatsTest extends RawFormatContract {

    @Override
    protected ImageProcessor processor() {
        return new TwelveMonkeysImageProcessor();
    }
}
