package org.gallerist.server.internal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The data folder's permissions, checked at start the way OpenSSH's {@code StrictModes} checks a user's
 * {@code authorized_keys}. The server refuses to run when someone else could already have changed what it trusts:
 * the data folder, {@code plugins} (its jars run inside the server), {@code config} (its files configure the server)
 * and their files must be owned by the server's user, nothing in the folder may be writable by anyone else, and the
 * encryption key {@code blob.key} readable by nobody else. What others may only read or enter (made by an older
 * version with the umask's modes) is the server's own and only ever needs its user: it is tightened to 0700 for
 * folders and 0600 for files, and reported. Symbolic links are neither followed nor changed.
 */
final class DataFolderModes {

    static final Set<PosixFilePermission> PRIVATE_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OTHERS_WRITE = EnumSet.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);
    private static final Set<PosixFilePermission> OTHERS_ANY = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    /** What runs or configures the server: refused, not repaired, when someone else may have written it. */
    private static final List<String> TRUSTED = List.of("plugins", "config");
    static final String BLOB_KEY = "blob.key";

    /** What the check found: reasons to refuse (each names a path and the fix) and what it tightened. */
    record Verdict(List<String> refusals, List<String> tightened) {
        boolean refused() {
            return !refusals.isEmpty();
        }
    }

    private final Path dataDir;
    private final UserPrincipal self;
    private final List<String> refusals = new ArrayList<>();
    private final List<String> tightened = new ArrayList<>();

    private DataFolderModes(Path dataDir, UserPrincipal self) {
        this.dataDir = dataDir;
        this.self = self;
    }

    /** True where the file system has POSIX permissions (not on Windows): elsewhere nothing is checked. */
    static boolean posix(Path path) {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                && Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) != null;
    }

    /** Creates a folder 0700 (and missing parents the same) unless it exists. */
    static void createPrivate(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PRIVATE_FOLDER));
            } else {
                Files.createDirectories(folder);
            }
        }
    }

    /** Checks and, unless refused, tightens what the server made with looser modes. */
    static Verdict checkAndTighten(Path dataDir) throws IOException {
        return inspect(dataDir, true);
    }

    /** Checks only, changing nothing. */
    static Verdict check(Path dataDir) throws IOException {
        return inspect(dataDir, false);
    }

    /**
     * Why {@code folder} (e.g. {@code DATA/plugins}) must not be loaded from, or null when it may: owned by another
     * user, or writable by its group or others.
     */
    static String untrusted(Path folder) throws IOException {
        if (!posix(folder) || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        DataFolderModes check = new DataFolderModes(folder, currentUser());
        check.refuseIfOthersMayWrite(folder, "the plugin folder", "anyone who can write there can run code in the"
                + " server");
        return check.refusals.isEmpty() ? null : check.refusals.get(0);
    }

    /** Why a plugin jar must not be loaded (another owner, writable by others), or null when it may. */
    static String untrustedFile(Path jar) throws IOException {
        if (!posix(jar) || !Files.isRegularFile(jar, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        DataFolderModes check = new DataFolderModes(jar.getParent(), currentUser());
        check.refuseIfOthersMayWrite(jar, "the plugin", "anyone who can write it can run code in the server");
        return check.refusals.isEmpty() ? null : check.refusals.get(0);
    }

    private static Verdict inspect(Path dataDir, boolean tighten) throws IOException {
        if (!posix(dataDir)) {
            return new Verdict(List.of(), List.of());
        }
        DataFolderModes check = new DataFolderModes(dataDir, currentUser());
        check.refuseIfOthersMayWrite(dataDir, "the data folder", "anyone who can write there can replace the"
                + " database, the keys and the plugins");
        for (String name : TRUSTED) {
            Path folder = dataDir.resolve(name);
            if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                String why = name.equals("plugins") ? "anyone who can write there can run code in the server"
                        : "anyone who can write there can reconfigure the server";
                check.refuseIfOthersMayWrite(folder, "the folder", why);
                try (var files = Files.list(folder)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        check.refuseIfOthersMayWrite(file, "the file", why);
                    }
                }
            }
        }
        Path key = dataDir.resolve(BLOB_KEY);
        if (Files.isRegularFile(key, LinkOption.NOFOLLOW_LINKS)) {
            check.refuseIfReadable(key, "the encryption key", "whoever read it can decrypt the images");
        }
        List<Path> loose = check.walk();
        if (tighten && check.refusals.isEmpty()) {
            for (Path path : loose) {
                check.tighten(path);
            }
        }
        return new Verdict(List.copyOf(check.refusals), List.copyOf(check.tightened));
    }

    /**
     * Why a secret file (a key) outside the data folder may not be trusted: someone else owns it, or may read it
     * (CONSEQUENCE says what they could do then); empty if neither.
     */
    static List<String> secretFile(Path file, String what, String consequence) throws IOException {
        if (!posix(file)) {
            return List.of();
        }
        DataFolderModes check = new DataFolderModes(file, currentUser()); // a foreign owner's fix: chown the file
        check.refuseIfReadable(file, what, consequence);
        return List.copyOf(check.refusals);
    }

    private void refuseIfReadable(Path file, String what, String consequence) throws IOException {
        PosixFileAttributes attributes = attributes(file);
        refuseIfForeign(file, attributes, what);
        if (attributes.permissions().stream().anyMatch(OTHERS_ANY::contains)) {
            refusals.add(what + " " + file + " can be read by its group or others (mode "
                    + mode(attributes.permissions()) + "); " + consequence + ". Fix: chmod 600 " + file);
        }
    }

    private void refuseIfOthersMayWrite(Path path, String what, String why) throws IOException {
        PosixFileAttributes attributes = attributes(path);
        if (refuseIfForeign(path, attributes, what)) {
            return;
        }
        if (attributes.permissions().stream().anyMatch(OTHERS_WRITE::contains)) {
            refusals.add(what + " " + path + " is writable by its group or others (mode "
                    + mode(attributes.permissions()) + "): " + why + ". Fix: chmod "
                    + (attributes.isDirectory() ? "700 " : "600 ") + path);
        }
    }

    private boolean refuseIfForeign(Path path, PosixFileAttributes attributes, String what) {
        if (self != null && !self.equals(attributes.owner())) {
            refusals.add(what + " " + path + " is owned by " + attributes.owner().getName() + ", not by "
                    + self.getName() + ", who runs the server. Fix: chown -R " + self.getName() + " " + dataDir);
            return true;
        }
        return false;
    }

    /**
     * Walks the folder once: what others may write is refused (someone else may have changed it), what they may only
     * read or enter is noted to be tightened to 0700 (folders) and 0600 (files, keeping a read-only one read-only).
     */
    private List<Path> walk() throws IOException {
        List<Path> writable = new ArrayList<>();
        List<Path> readable = new ArrayList<>();
        List<Path> foreign = new ArrayList<>();
        Files.walkFileTree(dataDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes basic) throws IOException {
                note(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes basic) throws IOException {
                if (basic.isRegularFile() || basic.isDirectory()) {
                    note(file);
                }
                return FileVisitResult.CONTINUE;
            }

            private void note(Path path) throws IOException {
                PosixFileAttributes attributes = attributes(path);
                Set<PosixFilePermission> now = attributes.permissions();
                if (self != null && !self.equals(attributes.owner())) {
                    foreign.add(path);
                } else if (now.stream().anyMatch(OTHERS_WRITE::contains)) {
                    writable.add(path);
                } else if (now.stream().anyMatch(OTHERS_ANY::contains)) {
                    readable.add(path);
                }
            }
        });
        if (!foreign.isEmpty() && refusals.isEmpty()) {
            refuseIfForeign(foreign.get(0), attributes(foreign.get(0)), foreign.size() + " entries in the data folder,"
                    + " e.g.");
        }
        if (!writable.isEmpty() && refusals.isEmpty()) {
            Path first = writable.get(0);
            refusals.add(writable.size() + (writable.size() == 1 ? " entry" : " entries") + " in the data folder "
                    + dataDir + " can be written by their group or others, e.g. " + first + " (mode "
                    + mode(attributes(first).permissions()) + "): someone else may have changed them. Fix, once you"
                    + " have checked them: chmod -R go-rwx " + dataDir);
        }
        return readable;
    }

    private void tighten(Path path) throws IOException {
        Set<PosixFilePermission> now = attributes(path).permissions();
        Set<PosixFilePermission> tight = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? PRIVATE_FOLDER
                : ownerPart(now);
        Files.setPosixFilePermissions(path, tight);
        tightened.add(dataDir.relativize(path) + " (" + mode(now) + " -> " + mode(tight) + ")");
    }

    /** A file's owner bits: a read-only file stays read-only. */
    private static Set<PosixFilePermission> ownerPart(Set<PosixFilePermission> now) {
        Set<PosixFilePermission> owner = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission permission : now) {
            if (!OTHERS_ANY.contains(permission)) {
                owner.add(permission);
            }
        }
        return owner;
    }

    private static PosixFileAttributes attributes(Path path) throws IOException {
        return Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    /** The user this JVM runs as, or null where the name cannot be looked up (then ownership is not checked). */
    private static UserPrincipal currentUser() {
        try {
            return FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException unknown) {
            return null;
        }
    }

    static String mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return String.format("%04o", mode);
    }
}
