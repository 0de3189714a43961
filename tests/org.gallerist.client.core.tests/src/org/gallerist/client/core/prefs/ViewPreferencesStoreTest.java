package org.gallerist.client.core.prefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewPreferencesStoreTest {
    @TempDir
    Path temp;

    @Test
    void defaultsToBatchesOfSixtyAndRemembersChanges() {
        Path file = temp.resolve("view.properties");
        ViewPreferencesStore store = new ViewPreferencesStore(file);
        assertEquals(new ViewPreferences(60, 160), store.get());
        List<ViewPreferences> heard = new ArrayList<>();
        store.addListener(heard::add);
        store.save(new ViewPreferences(24, 200));
        assertEquals(List.of(new ViewPreferences(24, 200)), heard);
        assertEquals(new ViewPreferences(24, 200), new ViewPreferencesStore(file).get());
    }

    @Test
    void badValuesInTheFileFallBackOneByOne() throws Exception {
        Path file = temp.resolve("view.properties");
        Files.writeString(file, "batchSize=5000\nthumbnailSize=128\n");
        assertEquals(new ViewPreferences(60, 128), new ViewPreferencesStore(file).get());
    }

    @Test
    void rangesAreExplained() {
        assertTrue(ViewPreferences.checkBatchSize(0).orElseThrow().contains("1 to 200"));
        assertTrue(ViewPreferences.checkThumbnailSize(300).orElseThrow().contains("64 to 256"));
        assertTrue(ViewPreferences.parse("12a").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new ViewPreferences(0, 100));
    }
}
