package org.gallerist.transport.ssh.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.KeyFiles;

/** Key files through Mina's OpenSSH readers and writer, which also handle bcrypt-encrypted private keys. */
final class MinaKeyFiles implements KeyFiles {
    /** A key file is a few kilobytes; anything much larger is not one. */
    private static final long MAX_KEY_FILE_BYTES = 64 * 1024;
    private static final List<String> PUBLIC_PREFIXES = List.of("ssh-", "ecdsa-", "sk-");

    @Override
    public String publicKeyLine(Path file, char[] passphrase) {
        Optional<String> publicLine = readPublicLine(file);
        if (publicLine.isPresent()) {
            return publicLine.get();
        }
        Path beside = file.resolveSibling(file.getFileName() + ".pub");
        Optional<String> besideLine = Files.isRegularFile(beside) ? readPublicLine(beside) : Optional.empty();
        if (besideLine.isPresent()) {
            return besideLine.get(); // as ssh-keygen wrote it with the private key: no passphrase needed
        }
        return PublicKeyEntry.toString(loadPrivate(file, passphrase).get(0).getPublic()) + " " + file.getFileName();
    }

    @Override
    public String generateEd25519(Path privateKey, char[] passphrase, String comment) {
        Path publicKey = privateKey.resolveSibling(privateKey.getFileName() + ".pub");
        if (Files.exists(privateKey) || Files.exists(publicKey)) {
            throw problem(UNREADABLE, "There is already a file " + (Files.exists(privateKey) ? privateKey : publicKey)
                    + "; choose another name.", null);
        }
        try {
            KeyPair pair = KeyUtils.generateKeyPair(KeyPairTypes.ED25519, 256);
            OpenSSHKeyEncryptionContext encryption = null;
            if (passphrase != null && passphrase.length > 0) {
                encryption = new OpenSSHKeyEncryptionContext();
                encryption.setCipherName(OpenSSHKeyEncryptionContext.AES);
                encryption.setCipherType("256");
                encryption.setCipherMode("CTR");
                encryption.setPassword(new String(passphrase));
            }
            Files.createDirectories(privateKey.toAbsolutePath().getParent());
            try (OutputStream out = ownerOnly(privateKey)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, comment, encryption, out);
            }
            String line = PublicKeyEntry.toString(pair.getPublic()) + (comment.isBlank() ? "" : " " + comment.strip());
            Files.writeString(publicKey, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            return line;
        } catch (FileAlreadyExistsException e) {
            throw problem(UNREADABLE, "There is already a file " + e.getFile() + "; choose another name.", e);
        } catch (IOException | GeneralSecurityException e) {
            throw problem(UNREADABLE, "Could not write the new key to " + privateKey + ": " + e.getMessage(), e);
        }
    }

    /** The key pairs of an OpenSSH (or PEM) private key file; DSA keys are refused, as OpenSSH itself now does. */
    List<KeyPair> loadPrivate(Path file, char[] passphrase) {
        Passphrase asked = new Passphrase(passphrase);
        List<KeyPair> loaded = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()),
                    in, asked);
            if (pairs != null) {
                pairs.forEach(loaded::add);
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw asked.wasAsked() ? passphraseProblem(file, asked) : problem(UNREADABLE, "Could not read the private"
                    + " key " + file + " (an OpenSSH private key file): " + reason(e), e);
        }
        if (loaded.isEmpty()) {
            throw asked.wasAsked() ? passphraseProblem(file, asked)
                    : problem(UNREADABLE, "The file " + file + " holds no private key.", null);
        }
        for (KeyPair pair : loaded) {
            String type = KeyUtils.getKeyType(pair);
            if (type == null || type.equals(KeyPairTypes.DSA)) {
                throw problem(UNSUPPORTED, "The key " + file.getFileName() + " is of a type Gallerist does not accept ("
                        + (type == null ? "unknown" : type) + "); use an ed25519, ECDSA or RSA key.", null);
            }
        }
        return List.copyOf(loaded);
    }

    private static GalleristException passphraseProblem(Path file, Passphrase asked) {
        return asked.given() ? problem(WRONG_PASSPHRASE, "Wrong passphrase for the key " + file.getFileName() + ".", null)
                : problem(PASSPHRASE_NEEDED, "The key " + file.getFileName() + " is protected by a passphrase.", null);
    }

    private static Optional<String> readPublicLine(Path file) {
        try {
            if (Files.size(file) > MAX_KEY_FILE_BYTES) {
                throw problem(UNREADABLE, "The file " + file + " is too large to be a key.", null);
            }
            String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(line -> !line.isEmpty()).findFirst().orElse("");
            return PUBLIC_PREFIXES.stream().anyMatch(first::startsWith) ? Optional.of(first) : Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            // not text (a binary file): not a public key; the private key reader says what it is
            if (!Files.isReadable(file)) {
                throw problem(UNREADABLE, "Cannot read " + file + ".", e);
            }
            return Optional.empty();
        }
    }

    private static OutputStream ownerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        return Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static String reason(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? "it could not be read" : e.getMessage();
    }

    static GalleristException problem(String kind, String message, Exception cause) {
        GalleristException problem = new GalleristException(ErrorCode.INVALID_ARGUMENT, message, Map.of(PROBLEM, kind));
        if (cause != null) {
            problem.initCause(cause);
        }
        return problem;
    }

    /** Hands Mina the passphrase and remembers whether the file wanted one. */
    private static final class Passphrase implements FilePasswordProvider {
        private final char[] chars;
        private boolean asked;

        Passphrase(char[] chars) {
            this.chars = chars;
        }

        @Override
        public String getPassword(SessionContext session, NamedResource resource, int retryIndex) {
            asked = true;
            return given() ? new String(chars) : null;
        }

        boolean wasAsked() {
            return asked;
        }

        boolean given() {
            return chars != null && chars.length > 0;
        }
    }

    /** Key type names as OpenSSH writes them. */
    private static final class KeyPairTypes {
        static final String ED25519 = "ssh-ed25519";
        static final String DSA = "ssh-dss";
    }
}
