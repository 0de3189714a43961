package org.gallerist.imaging.internal;

import java.io.IOException;
import java.nio.ByteOrder;

import javax.imageio.stream.ImageInputStream;

/**
 * The frame header of a JPEG stream inside another file (a raw file's preview), read by walking its markers from
 * the start of image to the first start-of-frame, within the stream's length and at most {@link #MAX_SEGMENTS}
 * segments.
 */
final class JpegFrames {

    private static final int MAX_SEGMENTS = 64;

    private JpegFrames() {
    }

    /**
     * The pixels of the picture in the JPEG stream at {@code offset}, or -1 unless it is a baseline, extended or
     * progressive (SOF0–SOF2) frame of one or three components: what decoders show, unlike lossless or
     * arithmetic-coded frames, which raw files use for sensor data.
     */
    static long pixels(ImageInputStream input, long offset, long length) throws IOException {
        ByteOrder tiffOrder = input.getByteOrder();
        input.setByteOrder(ByteOrder.BIG_ENDIAN); // JPEG's, whatever the raw file around it uses
        try {
            return frame(input, offset, offset + length);
        } finally {
            input.setByteOrder(tiffOrder);
        }
    }

    private static long frame(ImageInputStream input, long offset, long end) throws IOException {
        input.seek(offset);
        if (input.readUnsignedShort() != 0xFFD8) {
            return -1;
        }
        for (int segment = 0; segment < MAX_SEGMENTS && input.getStreamPosition() + 4 <= end; segment++) {
            if (input.readUnsignedByte() != 0xFF) {
                return -1;
            }
            int type = input.readUnsignedByte();
            while (type == 0xFF && input.getStreamPosition() < end) { // fill bytes, as encoders may write
                type = input.readUnsignedByte();
            }
            int size = input.readUnsignedShort();
            if (size < 2 || input.getStreamPosition() + size - 2 > end) {
                return -1;
            }
            boolean frame = type >= 0xC0 && type <= 0xCF && type != 0xC4 && type != 0xC8 && type != 0xCC;
            if (frame) {
                if (type > 0xC2 || size < 8) {
                    return -1;
                }
                input.readUnsignedByte(); // sample precision
                int height = input.readUnsignedShort();
                int width = input.readUnsignedShort();
                int components = input.readUnsignedByte();
                return (components == 1 || components == 3) && width > 0 && height > 0 ? (long) width * height : -1;
            }
            input.skipBytes(size - 2);
        }
        return -1;
    }
}
