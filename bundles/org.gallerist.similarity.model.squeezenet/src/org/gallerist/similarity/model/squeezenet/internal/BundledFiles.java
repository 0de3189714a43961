package org.gallerist.similarity.model.squeezenet.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Files inside this bundle copied out to its data area, where native code (ONNX Runtime) can open them by path.
 * A copy is checked against the digest the bundle was built with each time it is asked for, so a damaged or edited
 * copy is replaced, and a damaged bundle is reported instead of run.
 */
final class BundledFiles {

    private final Bundle bundle;
    private final BundleContext context;

    BundledFiles(BundleContext context) {
        this.bundle = context.getBundle();
        this.context = context;
    }

    /**
     * The file at {@code entry} on disk.
     *
     * @param sha256 the hex digest the file must have, or null to copy it whenever it is asked for (small files)
     */
    synchronized Path file(String entry, String sha256) throws IOException {
        Path target = target(entry);
        if (sha256 != null && Files.isRegularFile(target) && sha256.equals(digest(target))) {
            return target;
        }
        URL source = bundle.getEntry(entry);
        if (source == null) {
            throw new IOException("The bundle " + bundle.getSymbolicName() + " has no " + entry + ".");
        }
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        String copied;
        try (InputStream in = new DigestInputStream(source.openStream(), sha256())) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            copied = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
        if (sha256 != null && !sha256.equals(copied)) {
            Files.deleteIfExists(partial);
            throw new IOException("The " + entry + " inside " + bundle.getSymbolicName() + " is damaged (sha256 "
                    + copied + ", built with " + sha256 + "); reinstall the server.");
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private Path target(String entry) throws IOException {
        File area = context.getDataFile(entry);
        if (area == null) {
            throw new IOException("The OSGi framework gives " + bundle.getSymbolicName() + " no data area for "
                    + entry + ".");
        }
        return area.toPath();
    }

    static String digest(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
