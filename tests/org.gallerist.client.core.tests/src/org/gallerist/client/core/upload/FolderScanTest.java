package org.gallerist.client.core.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderScanTest {
    @TempDir
    Path folder;

    @Test
    void findsImagesInSubfoldersByExtensionAndLeavesOutHiddenAndOtherFiles() throws Exception {
        Files.createDirectories(folder.resolve("2026/june"));
        Files.createDirectories(folder.resolve(".thumbnails"));
        Path first = Files.write(folder.resolve("2026/june/beach.JPG"), new byte[] { 1 });
        Path second = Files.write(folder.resolve("2026/kite.heic"), new byte[] { 2 });
        Path third = Files.write(folder.resolve("zebra.png"), new byte[] { 3 });
        Files.write(folder.resolve(".thumbnails/beach.png"), new byte[] { 4 });
        Files.write(folder.resolve(".hidden.png"), new byte[] { 5 });
        Files.writeString(folder.resolve("notes.txt"), "not an image");
        Files.writeString(folder.resolve("2026/june/README"), "neither");

        FolderScan.Found found = FolderScan.scan(folder, () -> false);
        assertEquals(List.of(second, first, third).stream().sorted().toList(), found.images());
        assertEquals(2, found.otherFiles());
        assertFalse(found.truncated());
        assertEquals("3 images found, 2 other files left out.", found.summary());
    }

    @Test
    void aCancelledScanStopsAndRecognisesImageNames() throws Exception {
        Files.write(folder.resolve("a.png"), new byte[] { 1 });
        assertTrue(FolderScan.scan(folder, () -> true).images().isEmpty());
        assertTrue(FolderScan.isImageFile(Path.of("x.Jpeg")));
        assertFalse(FolderScan.isImageFile(Path.of("png")));
    }
}
