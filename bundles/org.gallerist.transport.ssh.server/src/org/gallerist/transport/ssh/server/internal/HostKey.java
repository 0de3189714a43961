package org.gallerist.transport.ssh.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;

import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.gallerist.transport.ssh.common.internal.OwnerOnlyFiles;

/**
 * The server's ed25519 host key, kept in OpenSSH private-key format in the data folder (mode 600) so that
 * {@code ssh-keygen -l -f} reads it and it survives restarts and backups. Created on first start, unless the operator
 * names a key file of their own (one for every node of a shop, {@code --host-key}).
 */
final class HostKey {

    static final String FILE_NAME = "ssh_host_ed25519_key";
    private static final String COMMENT = "gallerist-host-key";

    private HostKey() {
    }

    /** The key of the file CONFIGURED if it is not blank (it must be an ed25519 key), else {@link #loadOrCreate}. */
    static KeyPair of(String configured, Path dataDir) throws IOException, GeneralSecurityException {
        if (configured == null || configured.isBlank()) {
            return loadOrCreate(dataDir);
        }
        requireEd25519Support();
        Path file = Path.of(configured.strip());
        if (!Files.isRegularFile(file)) {
            throw new IOException("The host key file " + file + " does not exist or is not a file.");
        }
        KeyPair pair = load(file);
        String type = KeyUtils.getKeyType(pair);
        if (!KeyPairProvider.SSH_ED25519.equals(type)) {
            throw new IOException("The host key file " + file + " holds a " + type + " key; the server's host key"
                    + " is ed25519 (ssh-keygen -t ed25519 -N '' -f FILE).");
        }
        return pair;
    }

    static KeyPair loadOrCreate(Path dataDir) throws IOException, GeneralSecurityException {
        requireEd25519Support();
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return load(file);
        }
        Files.createDirectories(dataDir);
        KeyPair pair = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        Path temp = Files.createTempFile(dataDir, "." + FILE_NAME, ".tmp", OwnerOnlyFiles.attributes());
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, COMMENT, null, out);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        Path publicFile = dataDir.resolve(FILE_NAME + ".pub");
        if (!Files.exists(publicFile)) {
            // the data folder holds nothing for others, not even this
            Files.createFile(publicFile, OwnerOnlyFiles.attributes());
        }
        Files.writeString(publicFile, PublicKeyEntry.toString(pair.getPublic()) + " " + COMMENT + "\n",
                StandardCharsets.US_ASCII);
        return pair;
    }

    /** {@code SHA256:...}, as {@code ssh-keygen -l} and OpenSSH's first-connection prompt show it. */
    static String fingerprint(KeyPair pair) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, pair.getPublic());
    }

    private static KeyPair load(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()),
                    in, null);
            Iterator<KeyPair> it = pairs == null ? null : pairs.iterator();
            if (it == null || !it.hasNext()) {
                throw new IOException("The host key file " + file + " holds no key.");
            }
            return it.next();
        }
    }

    private static void requireEd25519Support() {
        if (!SecurityUtils.isEDDSACurveSupported()) {
            throw new IllegalStateException("Apache Mina SSHD has no ed25519 support: the BouncyCastle bundle "
                    + "(bcprov) must be resolved before sshd-osgi so that its optional imports are wired.");
        }
    }
}
