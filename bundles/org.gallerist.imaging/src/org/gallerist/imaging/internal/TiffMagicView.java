package org.gallerist.imaging.internal;

import java.io.IOException;

import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * A raw file laid out as a TIFF but with the camera maker's own magic number (Olympus' ORF, Panasonic's RW2), seen
 * with TIFF's 42 in its place so that a TIFF reader reads its directories. Reads go to the file, which stays open.
 */
final class TiffMagicView extends ImageInputStreamImpl {

    private final ImageInputStream file;
    private final byte[] header = new byte[4];

    TiffMagicView(ImageInputStream file) throws IOException {
        this.file = file;
        file.seek(0);
        file.readFully(header);
        boolean little = header[0] == 'I';
        header[2] = (byte) (little ? 42 : 0);
        header[3] = (byte) (little ? 0 : 42);
    }

    @Override
    public int read() throws IOException {
        bitOffset = 0;
        if (streamPos < header.length) {
            return header[(int) streamPos++] & 0xFF;
        }
        file.seek(streamPos);
        int b = file.read();
        if (b >= 0) {
            streamPos++;
        }
        return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        bitOffset = 0;
        if (length == 0) {
            return 0;
        }
        int fromHeader = 0;
        while (streamPos < header.length && fromHeader < length) { // readShort and the like want all in one read
            bytes[offset + fromHeader++] = header[(int) streamPos++];
        }
        if (fromHeader == length) {
            return length;
        }
        file.seek(streamPos);
        int n = file.read(bytes, offset + fromHeader, length - fromHeader);
        if (n > 0) {
            streamPos += n;
        }
        return n < 0 && fromHeader == 0 ? -1 : fromHeader + Math.max(n, 0);
    }

    @Override
    public long length() {
        try {
            return file.length();
        } catch (IOException e) {
            return -1;
        }
    }
}
