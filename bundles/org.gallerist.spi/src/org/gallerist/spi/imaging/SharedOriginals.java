package org.gallerist.spi.imaging;

import java.io.IOException;
import java.io.InputStream;

/**
 * The original of an image as people other than its owner (and admins) receive it: the same pixels, byte for byte
 * where the format allows, without location, maker notes, serial numbers, owner names, comments or XMP (with its
 * edit history). The owner's own bytes are never changed; this works on a copy as it is read.
 */
public interface SharedOriginals {

    /** An original that can be read more than once (the copy is planned on a first read and written on a second). */
    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }

    /**
     * @param format the image's format as {@link ImageProcessor.Inspection#format()} named it
     * @return the copy for others, streamed; the caller closes it
     * @throws IOException where the original cannot be read, or its structure is not what its format requires
     */
    InputStream open(String format, Source original) throws IOException;
}
