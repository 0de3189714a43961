package org.gallerist.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** StrictModes for the data folder, on real folders with real modes. */
class DataFolderModesTest {

    @TempDir
    Path temp;
    private Path data;

    @BeforeEach
    void privateDataFolder() throws Exception {
        data = temp.resolve("data");
        DataFolderModes.createPrivate(data);
    }

    private static void chmod(Path path, String mode) throws Exception {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static void refusedNaming(Path path, String fix, DataFolderModes.Verdict verdict) {
        assertTrue(verdict.refused(), "refused: " + path);
        String reason = verdict.refusals().get(0);
        assertTrue(reason.contains(path.toString()) && reason.contains(fix), reason);
    }

    @Test
    void aNewDataFolderIsPrivateAndPassesAsItIs() throws Exception {
        assertEquals("rwx------", mode(data));
        DataFolderModes.Verdict verdict = DataFolderModes.checkAndTighten(data);
        assertEquals(List.of(), verdict.refusals());
        assertEquals(List.of(), verdict.tightened());
    }

    @Test
    void aDataFolderOthersMayWriteIsRefusedAndLeftAsItIs() throws Exception {
        chmod(data, "rwxrwxrwx");
        refusedNaming(data, "chmod 700 " + data, DataFolderModes.checkAndTighten(data));
        assertEquals("rwxrwxrwx", mode(data), "refused, not repaired: someone may have written there");
    }

    @Test
    void aGroupWritablePluginFolderOrPluginIsRefused() throws Exception {
        Path plugins = Files.createDirectory(data.resolve("plugins"));
        chmod(plugins, "rwxrwx---");
        refusedNaming(plugins, "chmod 700 " + plugins, DataFolderModes.checkAndTighten(data));
        assertTrue(DataFolderModes.untrusted(plugins).contains("run code"), DataFolderModes.untrusted(plugins));

        chmod(plugins, "rwx------");
        Path jar = Files.writeString(plugins.resolve("evil.jar"), "PK");
        chmod(jar, "rw-rw-rw-");
        refusedNaming(jar, "chmod 600 " + jar, DataFolderModes.checkAndTighten(data));
        assertNull(DataFolderModes.untrusted(plugins));
        assertTrue(DataFolderModes.untrustedFile(jar).contains(jar.toString()));
        chmod(jar, "rw-r--r--");
        assertNull(DataFolderModes.untrustedFile(jar), "readable is fine, and tightened");
        assertFalse(DataFolderModes.checkAndTighten(data).refused());
        assertEquals("rw-------", mode(jar));
    }

    @Test
    void aConfigurationFileOthersMayWriteIsRefused() throws Exception {
        Path config = Files.createDirectory(data.resolve("config"));
        Path file = Files.writeString(config.resolve("org.gallerist.images.cfg"), "maxImageBytes=1\n");
        chmod(file, "rw-rw-r--");
        refusedNaming(file, "chmod 600 " + file, DataFolderModes.checkAndTighten(data));
    }

    @Test
    void anEncryptionKeyOthersMayReadIsRefused() throws Exception {
        Path key = Files.write(data.resolve("blob.key"), new byte[32]);
        chmod(key, "rw-r-----");
        DataFolderModes.Verdict verdict = DataFolderModes.checkAndTighten(data);
        refusedNaming(key, "chmod 600 " + key, verdict);
        assertTrue(verdict.refusals().get(0).contains("decrypt"), verdict.refusals().get(0));
        assertEquals("rw-r-----", mode(key));
        chmod(key, "rw-------");
        assertFalse(DataFolderModes.checkAndTighten(data).refused());
    }

    @Test
    void anythingInsideOthersMayWriteIsRefusedNotRepaired() throws Exception {
        Path blobs = Files.createDirectories(data.resolve("blobs/ab"));
        Path image = Files.writeString(blobs.resolve("abcdef"), "x");
        chmod(image, "rw-rw-r--");
        DataFolderModes.Verdict verdict = DataFolderModes.checkAndTighten(data);
        refusedNaming(image, "chmod -R go-rwx " + data, verdict);
        assertEquals(List.of(), verdict.tightened(), "nothing is changed when the start is refused");
        assertEquals("rw-rw-r--", mode(image));
    }

    @Test
    void whatTheServerMadeWithLooserModesIsTightenedAndReported() throws Exception {
        chmod(data, "rwxr-xr-x");
        Path db = Files.createDirectories(data.resolve("db/seg0"));
        chmod(data.resolve("db"), "rwxr-xr-x");
        chmod(db, "rwxr-x---");
        Path page = Files.writeString(db.resolve("c10.dat"), "x");
        chmod(page, "rw-r--r--");
        Path readOnly = Files.writeString(data.resolve("host_key.pub"), "ssh-ed25519 AAAA");
        chmod(readOnly, "r--r--r--");

        DataFolderModes.Verdict verdict = DataFolderModes.checkAndTighten(data);
        assertEquals(List.of(), verdict.refusals(), "the server's own files are repaired, not refused");
        assertEquals(5, verdict.tightened().size(), verdict.tightened().toString());
        assertTrue(verdict.tightened().contains("db/seg0/c10.dat (0644 -> 0600)"), verdict.tightened().toString());
        assertEquals("rwx------", mode(data));
        assertEquals("rwx------", mode(db));
        assertEquals("rw-------", mode(page));
        assertEquals("r--------", mode(readOnly), "a read-only file stays read-only");
        assertEquals(List.of(), DataFolderModes.checkAndTighten(data).tightened(), "once is enough");
    }
}
