package org.gallerist.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's settings land on the PIDs of the components that read them, the data folder's last. */
class SettingsTest {

    @TempDir
    Path home;

    @Test
    void eachSettingGoesToItsComponentsPidAndTheDataFolderComesLast() {
        var byPid = Settings.byPid(Map.of("port", 0, "dataDir", "/srv/g", "encryptAtRest", true,
                "maxImagePixels", 3L, "pluginPollMillis", 200L));
        assertEquals(List.of(Settings.SSH, Settings.BLOBS, Settings.IMAGES, Settings.PLUGINS, Settings.DERBY,
                Settings.DATA),
                List.copyOf(byPid.keySet()), "creating the data folder's configuration starts the server: last");
        assertEquals(0, byPid.get(Settings.SSH).get("port"));
        assertEquals("/srv/g", byPid.get(Settings.DATA).get("dataDir"));
        assertEquals(true, byPid.get(Settings.BLOBS).get("encryptAtRest"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Settings.byPid(Map.of("prot", 1)))
                .getMessage().contains("Unknown setting 'prot'"));
    }

    @Test
    void exactlyOneStorageEngineIsConfiguredPostgresqlWhenADatabaseIsGiven() {
        var embedded = Settings.byPid(Map.of("dataDir", "/srv/g", "maxConnections", 4));
        assertTrue(embedded.get(Settings.DERBY).isEmpty(), "Derby has no settings: its configuration starts it");
        assertFalse(embedded.containsKey(Settings.POSTGRES), "a pool size alone chooses no database");

        var shared = Settings.byPid(Map.of("dataDir", "/srv/g", "database", "jdbc:postgresql://db:5432/shop",
                "maxConnections", 4));
        assertFalse(shared.containsKey(Settings.DERBY));
        assertEquals("jdbc:postgresql://db:5432/shop", shared.get(Settings.POSTGRES).get("database"));
        assertEquals(4, shared.get(Settings.POSTGRES).get("maxConnections"));
        assertEquals(List.of(Settings.BLOBS, Settings.POSTGRES, Settings.DATA), List.copyOf(shared.keySet()));
    }

    @Test
    void theImageFilesGoToS3InsteadOfTheDataFolderWhenABucketIsGiven() {
        var files = Settings.byPid(Map.of("dataDir", "/srv/g", "encryptAtRest", true));
        assertEquals(true, files.get(Settings.BLOBS).get("encryptAtRest"));
        assertFalse(files.containsKey(Settings.S3));

        var bucket = Settings.byPid(Map.of("dataDir", "/srv/g", "blobs", "s3://shop/images",
                "s3Endpoint", "http://127.0.0.1:9000"));
        assertFalse(bucket.containsKey(Settings.BLOBS), "exactly one blob store");
        assertEquals("s3://shop/images", bucket.get(Settings.S3).get("blobs"));
        assertEquals("http://127.0.0.1:9000", bucket.get(Settings.S3).get("s3Endpoint"));
    }

    @Test
    void theLaunchersOptionsAndTheOldPropertiesFileLandOnThePids() throws Exception {
        Path data = Files.createDirectories(home.resolve("data"));
        Files.writeString(data.resolve(ServerOptions.CONFIG_FILE), "signupPerHour=7\nmaxImageMegabytes=3\n");
        var byPid = ServerOptions.parse(List.of("--data", data.toString(), "--port", "2200", "--encrypt-at-rest"),
                home).configurations();
        assertEquals(2200, byPid.get(Settings.SSH).get("port"));
        assertEquals(7, byPid.get(Settings.SSH).get("signupPerHour"), "gallerist.properties is still honoured");
        assertEquals(3L * 1024 * 1024, byPid.get(Settings.IMAGES).get("maxImageBytes"));
        assertEquals(true, byPid.get(Settings.BLOBS).get("encryptAtRest"));
        assertEquals(data.toString(), byPid.get(Settings.DATA).get("dataDir"));
        assertTrue(!byPid.containsKey(Settings.ONNX), "no model: no ONNX configuration");
    }
}
