package org.gallerist.server.internal;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A host key file the operator names ({@code --host-key}, shared by the nodes of one shop), checked before anything
 * starts so that a wrong one is refused in one line: it must exist, be the server's user's and readable by nobody else
 * (as OpenSSH's sshd demands of its host keys), and be an unencrypted ed25519 key in OpenSSH's format (what
 * {@code ssh-keygen -t ed25519 -N ''} writes). Only the header of the format is read here; the SSH server loads the key.
 */
final class HostKeyFile {

    private static final String BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private static final String END = "-----END OPENSSH PRIVATE KEY-----";
    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final long MAX_BYTES = 64 * 1024;

    private HostKeyFile() {
    }

    /** Why FILE cannot be the host key, each with the fix; empty if it can. */
    static List<String> problems(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of("the host key file " + file + " does not exist or is not a file. Make one with: ssh-keygen"
                    + " -t ed25519 -N '' -f " + file);
        }
        try {
            List<String> loose = DataFolderModes.secretFile(file, "the host key file",
                    "whoever read it can pose as this server");
            if (!loose.isEmpty()) {
                return loose;
            }
            if (Files.size(file) > MAX_BYTES) {
                return List.of(notOpenSsh(file));
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
                return List.of(notOpenSsh(file));
            }
            byte[] body = Base64.getMimeDecoder().decode(text.substring(BEGIN.length(), text.length() - END.length()));
            return header(file, ByteBuffer.wrap(body));
        } catch (IOException | IllegalArgumentException | BufferUnderflowException e) {
            return List.of(notOpenSsh(file));
        }
    }

    /** openssh-key-v1: magic, cipher name, KDF name, KDF options, key count, then the first public key's type. */
    private static List<String> header(Path file, ByteBuffer key) {
        byte[] magic = new byte[MAGIC.length];
        key.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            return List.of(notOpenSsh(file));
        }
        String cipher = string(key);
        string(key); // KDF name
        string(key); // KDF options
        key.getInt(); // number of keys
        ByteBuffer publicKey = ByteBuffer.wrap(bytes(key));
        String type = string(publicKey);
        if (!"none".equals(cipher)) {
            return List.of("the host key file " + file + " is protected by a passphrase, which a server cannot type."
                    + " Remove it with: ssh-keygen -p -N '' -f " + file);
        }
        if (!"ssh-ed25519".equals(type)) {
            return List.of("the host key file " + file + " holds a " + type + " key; the server's host key is ed25519."
                    + " Make one with: ssh-keygen -t ed25519 -N '' -f FILE");
        }
        return List.of();
    }

    private static String string(ByteBuffer buffer) {
        return new String(bytes(buffer), StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        int length = buffer.getInt();
        if (length < 0 || length > buffer.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    private static String notOpenSsh(Path file) {
        return "the host key file " + file + " is not an OpenSSH private key (ssh-keygen -t ed25519 -N '' -f FILE"
                + " writes one).";
    }
}
