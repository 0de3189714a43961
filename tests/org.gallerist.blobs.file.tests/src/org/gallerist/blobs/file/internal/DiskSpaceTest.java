package org.gallerist.blobs.file.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpaceTest {

    @TempDir
    Path folder;

    @Test
    void theReserveRefusesWhatWouldLeaveLessFreeAndNamesItself() throws IOException {
        long usable = Files.getFileStore(folder).getUsableSpace();
        assertDoesNotThrow(() -> new DiskSpace(0).require(folder, 0));
        assertDoesNotThrow(() -> new DiskSpace(1024).require(folder, 0));
        GalleristException refused = assertThrows(GalleristException.class,
                () -> new DiskSpace(1024).require(folder, usable));
        assertEquals(ErrorCode.STORAGE_FULL, refused.code());
        assertEquals(Map.of("limit", "disk_reserve", "max", 1024L), refused.details());
        assertTrue(refused.getMessage().contains("1 KB"), refused.getMessage());
        assertThrows(GalleristException.class, () -> new DiskSpace(usable + 1).require(folder, 0));
        assertThrows(IllegalArgumentException.class, () -> new DiskSpace(-1));
        assertEquals(256L * 1024 * 1024, assertThrows(GalleristException.class,
                () -> DiskSpace.ofMegabytes(256).require(folder, usable)).details().get("max"));
    }

    @Test
    void aFullDiskIsRecognisedInEachFormItTakes() {
        assertTrue(DiskSpace.isDiskFull(new FileSystemException("/data/blobs/tmp/x: No space left on device")));
        assertTrue(DiskSpace.isDiskFull(new IOException("Disk quota exceeded")));
        assertTrue(DiskSpace.isDiskFull(new UncheckedIOException(new IOException("No space left on device"))));

        assertFalse(DiskSpace.isDiskFull(new IOException("Permission denied")));
        assertFalse(DiskSpace.isDiskFull(new IOException((String) null)));
        assertFalse(DiskSpace.isDiskFull(null));
    }

    @Test
    void theUsersErrorSaysFullWithoutTheSystemsMessageAndKeepsTheCauseForTheLog() {
        IOException cause = new IOException("/srv/gallerist/blobs/tmp/stage-1.part: No space left on device");
        GalleristException full = DiskSpace.full(cause);
        assertEquals(ErrorCode.STORAGE_FULL, full.code());
        assertEquals(Map.of("limit", "disk"), full.details());
        assertFalse(full.getMessage().contains("/srv"), full.getMessage());
        assertSame(cause, full.getCause());
    }
}
