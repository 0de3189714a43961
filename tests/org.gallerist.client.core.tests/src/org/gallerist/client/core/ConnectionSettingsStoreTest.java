package org.gallerist.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionSettingsStoreTest {

    @TempDir
    Path folder;

    @Test
    void missingFileGivesDefaults() {
        assertEquals(ConnectionSettings.DEFAULTS, new ConnectionSettingsStore(folder.resolve("none")).load());
    }

    @Test
    void savedSettingsComeBack() {
        Path file = folder.resolve("sub/connection.properties");
        ConnectionSettings settings = new ConnectionSettings("gallery.example.org", 8022, "alice");
        new ConnectionSettingsStore(file).save(settings);
        assertEquals(settings, new ConnectionSettingsStore(file).load());
    }

    @Test
    void savingTwiceReplacesTheFile() throws IOException {
        ConnectionSettingsStore store = new ConnectionSettingsStore(folder.resolve("connection.properties"));
        store.save(new ConnectionSettings("one", 1, "a"));
        store.save(new ConnectionSettings("two", 2, "b"));
        assertEquals(new ConnectionSettings("two", 2, "b"), store.load());
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void malformedValuesFallBackToDefaults() throws IOException {
        Path file = folder.resolve("connection.properties");
        Files.writeString(file, "host=h\nport=not-a-number\n");
        assertEquals(new ConnectionSettings("h", ConnectionSettings.DEFAULTS.port(), ""),
                new ConnectionSettingsStore(file).load());
    }

    @Test
    void neverStoresAPassword() throws IOException {
        Path file = folder.resolve("connection.properties");
        new ConnectionSettingsStore(file).save(new ConnectionSettings("h", 22, "alice"));
        String text = Files.readString(file);
        assertEquals(false, text.contains("password"));
    }

    @Test
    void theLoginMethodAndKeyFileComeBackAndOldFilesLogInByPassword() throws IOException {
        Path file = folder.resolve("connection.properties");
        ConnectionSettings byKey = new ConnectionSettings("h", 22, "alice", LoginMethod.KEY_FILE, "/home/a/.ssh/id");
        new ConnectionSettingsStore(file).save(byKey);
        assertEquals(byKey, new ConnectionSettingsStore(file).load());
        Files.writeString(file, "host=h\nport=22\nuser=alice\nlogin=telepathy\n");
        assertEquals(LoginMethod.PASSWORD, new ConnectionSettingsStore(file).load().method());
    }
}
