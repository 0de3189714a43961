package org.gallerist.blobs.file.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens the chunks of one file with AES-256-GCM under the file's own key. Chunk {@code i} has the nonce
 * {@code prefix (7 bytes) || i (4 bytes, big-endian) || last (1 byte: 1 for the final chunk, else 0)}, so no nonce
 * repeats within a file (and keys are per file), and the same index and flag are its associated data: a chunk moved to
 * another place, or a non-final chunk presented as the last one, does not authenticate.
 */
final class ChunkSealer {

    static final int TAG_BYTES = 16;
    static final int PREFIX_BYTES = 7;
    private static final long MAX_CHUNKS = 1L << 32;

    private final Cipher cipher;
    private final SecretKey key;
    private final byte[] nonce = new byte[PREFIX_BYTES + 5];
    private final byte[] associated = new byte[5];

    ChunkSealer(SecretKey key, byte[] prefix) throws IOException {
        if (prefix.length != PREFIX_BYTES) {
            throw new IllegalArgumentException("nonce prefix of " + prefix.length + " bytes");
        }
        this.key = key;
        System.arraycopy(prefix, 0, nonce, 0, PREFIX_BYTES);
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    /** Encrypts {@code length} bytes of {@code plain} into {@code sealed}; returns the sealed length (+16). */
    int seal(long index, boolean last, byte[] plain, int length, byte[] sealed) throws IOException {
        try {
            start(Cipher.ENCRYPT_MODE, index, last);
            return cipher.doFinal(plain, 0, length, sealed, 0);
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot encrypt: " + e.getMessage(), e);
        }
    }

    /**
     * Decrypts and authenticates a sealed chunk into {@code plain} from {@code offset}; returns the plain length.
     *
     * @throws javax.crypto.AEADBadTagException if the chunk is damaged, misplaced or not what {@code last} says
     */
    int open(long index, boolean last, byte[] sealed, int length, byte[] plain, int offset)
            throws GeneralSecurityException {
        start(Cipher.DECRYPT_MODE, index, last);
        return cipher.doFinal(sealed, 0, length, plain, offset);
    }

    private void start(int mode, long index, boolean last) throws GeneralSecurityException {
        if (index < 0 || index >= MAX_CHUNKS) {
            throw new GeneralSecurityException("chunk index " + index + " is beyond the format's 2^32 chunks");
        }
        for (int i = 0; i < 4; i++) {
            byte b = (byte) (index >>> (24 - 8 * i));
            nonce[PREFIX_BYTES + i] = b;
            associated[i] = b;
        }
        nonce[PREFIX_BYTES + 4] = (byte) (last ? 1 : 0);
        associated[4] = nonce[PREFIX_BYTES + 4];
        cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
        cipher.updateAAD(associated);
    }
}
