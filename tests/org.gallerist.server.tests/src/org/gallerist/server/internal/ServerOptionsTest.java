package org.gallerist.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerOptionsTest {

    @TempDir
    Path home;

    @Test
    void defaultsNeedNoConfiguration() throws Exception {
        ServerOptions options = ServerOptions.parse(List.of(), home);
        assertEquals(home.resolve(".gallerist/server"), options.dataDir());
        assertEquals("127.0.0.1", options.host());
        assertEquals(2222, options.port());
        assertTrue(options.signupEnabled());
        assertEquals(ServerOptions.Storage.DEFAULTS, options.storage());
        assertEquals(false, options.toConfiguration().get("encryptAtRest"));
        assertEquals(50L * 1024 * 1024, options.toConfiguration().get("maxImageBytes"));
        assertEquals(50_000_000L, options.toConfiguration().get("maxImagePixels"));
    }

    @Test
    void storageSettingsComeFromTheFileOrTheFlag() throws Exception {
        Path data = Files.createDirectories(home.resolve("data"));
        Files.writeString(data.resolve(ServerOptions.CONFIG_FILE), "maxImageMegabytes=8\nmaxImageMegapixels=12\n");
        ServerOptions options = ServerOptions.parse(List.of("--data", data.toString(), "--encrypt-at-rest"), home);
        assertEquals(new ServerOptions.Storage(true, 8, 12), options.storage());
        assertEquals(true, options.toConfiguration().get("encryptAtRest"));
        assertEquals(8L * 1024 * 1024, options.toConfiguration().get("maxImageBytes"));

        Files.writeString(data.resolve(ServerOptions.CONFIG_FILE), "encryptAtRest=true\nmaxImageMegabytes=0\n");
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.parse(List.of("--data", data.toString()), home)).getMessage().contains("at least 1"));
    }

    @Test
    void theCommandLineBeatsTheFileWhichBeatsDefaults() throws Exception {
        Path data = home.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve(ServerOptions.CONFIG_FILE), "port=3333\nhost=::1\nsignupEnabled=false\n");
        ServerOptions fromFile = ServerOptions.parse(List.of("--data", data.toString()), home);
        assertEquals(3333, fromFile.port());
        assertEquals("::1", fromFile.host());
        assertFalse(fromFile.signupEnabled());

        ServerOptions overridden = ServerOptions.parse(List.of("--data", data.toString(), "--port", "0"), home);
        assertEquals(0, overridden.port());
        assertEquals(0, overridden.toConfiguration().get("port"));
        assertEquals(data.toString(), overridden.toConfiguration().get("dataDir"));
    }

    @Test
    void aSharedHostKeyComesFromTheCommandLineOrTheFileAndGoesToTheSshServer() throws Exception {
        Path data = Files.createDirectories(home.resolve("node"));
        assertNull(ServerOptions.parse(List.of("--data", data.toString()), home).hostKey(), "default: DATA's own");
        assertEquals("", ServerOptions.parse(List.of("--data", data.toString()), home).configurations()
                .get(Settings.SSH).get("hostKeyFile"));
        Files.writeString(data.resolve(ServerOptions.CONFIG_FILE), "hostKeyFile=keys/host\n");
        assertEquals(data.resolve("keys/host"), ServerOptions.parse(List.of("--data", data.toString()), home)
                .hostKey(), "relative to its file");
        Path given = home.resolve("etc/ssh_host_ed25519_key");
        ServerOptions options = ServerOptions.parse(List.of("--data", data.toString(), "--host-key", given.toString()),
                home);
        assertEquals(given, options.hostKey(), "the command line wins");
        assertEquals(given.toString(), options.configurations().get(Settings.SSH).get("hostKeyFile"));
    }

    @Test
    void aPostgresqlDatabaseComesFromTheCommandLineOrTheFileAndAnythingElseIsRefused() throws Exception {
        Path data = Files.createDirectories(home.resolve("db-node"));
        assertNull(ServerOptions.parse(List.of("--data", data.toString()), home).database(), "default: embedded");
        Files.writeString(data.resolve(ServerOptions.CONFIG_FILE), "database=jdbc:postgresql://db/shop\n");
        assertEquals("jdbc:postgresql://db/shop", ServerOptions.parse(List.of("--data", data.toString()), home)
                .configurations().get(Settings.POSTGRES).get("database"));
        ServerOptions given = ServerOptions.parse(List.of("--data", data.toString(), "--database",
                "jdbc:postgresql://10.0.0.5:6432/shop"), home);
        assertEquals("jdbc:postgresql://10.0.0.5:6432/shop", given.database(), "the command line wins");
        assertFalse(given.configurations().containsKey(Settings.DERBY));

        String refused = assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse(List.of("--data",
                data.toString(), "--database", "jdbc:derby:/srv/db"), home)).getMessage();
        assertTrue(refused.contains("jdbc:postgresql://HOST[:PORT]/DATABASE"), refused);
    }

    @Test
    void aBucketAndAnEndpointComeFromTheCommandLineOrTheFileAndWhatCannotWorkIsRefused() throws Exception {
        Path data = Files.createDirectories(home.resolve("s3-node"));
        assertNull(ServerOptions.parse(List.of("--data", data.toString()), home).blobs(), "default: the data folder");
        Files.writeString(data.resolve(ServerOptions.CONFIG_FILE),
                "blobs=s3://shop/images\ns3Endpoint=http://s3:9000\n");
        var fromFile = ServerOptions.parse(List.of("--data", data.toString()), home).configurations();
        assertEquals("s3://shop/images", fromFile.get(Settings.S3).get("blobs"));
        assertEquals("http://s3:9000", fromFile.get(Settings.S3).get("s3Endpoint"));
        assertEquals("s3://other", ServerOptions.parse(List.of("--data", data.toString(), "--blobs", "s3://other"),
                home).blobs(), "the command line wins");

        Files.delete(data.resolve(ServerOptions.CONFIG_FILE));
        for (List<String> wrong : List.of(List.of("--blobs", "/srv/images"), List.of("--blobs", "s3://"),
                List.of("--s3-endpoint", "http://s3:9000"), List.of("--blobs", "s3://b", "--s3-endpoint", "s3:9000"),
                List.of("--blobs", "s3://b", "--encrypt-at-rest"))) {
            List<String> args = new java.util.ArrayList<>(List.of("--data", data.toString()));
            args.addAll(wrong);
            assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse(args, home), wrong.toString());
        }
    }

    @Test
    void aConfigFolderApartFromTheDataHoldsTheSettingsFile() throws Exception {
        Path data = Files.createDirectories(home.resolve("var-lib"));
        Path etc = Files.createDirectories(home.resolve("etc-gallerist"));
        Files.writeString(data.resolve(ServerOptions.CONFIG_FILE), "port=1111\n");
        Files.writeString(etc.resolve(ServerOptions.CONFIG_FILE), "port=4444\nmodel=models/own.onnx\n");
        ServerOptions options = ServerOptions.parse(List.of("--data", data.toString(), "--config", etc.toString()),
                home);
        assertEquals(4444, options.port(), "only the config folder's file counts");
        assertEquals(etc, options.configDir());
        assertEquals(data, options.dataDir());
        assertEquals(etc.resolve("models/own.onnx"), options.model(), "a model path is relative to its file");
        assertEquals(data, ServerOptions.parse(List.of("--data", data.toString()), home).configDir(),
                "without --config the data folder holds both");
    }

    @Test
    void aModelConfiguresTheOnnxEmbedderWithTheLabelsBesideIt() throws Exception {
        assertTrue(ServerOptions.parse(List.of(), home).modelConfiguration().isEmpty(),
                "no option: the component's defaults, which run the built-in model");

        Path models = Files.createDirectories(home.resolve("models"));
        Path model = models.resolve("net.onnx");
        var configuration = ServerOptions.parse(List.of("--model", model.toString()), home).modelConfiguration()
                .orElseThrow();
        assertEquals(model.toString(), configuration.get("modelFile"));
        assertEquals(null, configuration.get("labelFile"), "no labels beside it");

        Files.writeString(models.resolve(ServerOptions.MODEL_LABELS), "0,tench\n");
        Path data = Files.createDirectories(home.resolve("data"));
        Files.writeString(data.resolve(ServerOptions.CONFIG_FILE), "model=../models/net.onnx\n");
        configuration = ServerOptions.parse(List.of("--data", data.toString()), home).modelConfiguration()
                .orElseThrow();
        assertEquals(model.toString(), configuration.get("modelFile"), "relative to the data folder");
        assertEquals(models.resolve(ServerOptions.MODEL_LABELS).toString(), configuration.get("labelFile"));
    }

    @Test
    void noModelSwitchesTheImageModelOffFromTheCommandLineOrTheFile() throws Exception {
        assertEquals(false, ServerOptions.parse(List.of("--no-model"), home).modelConfiguration().orElseThrow()
                .get("modelEnabled"));
        Path data = Files.createDirectories(home.resolve("data"));
        Files.writeString(data.resolve(ServerOptions.CONFIG_FILE), "useModel=false\n");
        assertEquals(false, ServerOptions.parse(List.of("--data", data.toString()), home).modelConfiguration()
                .orElseThrow().get("modelEnabled"));
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.parse(List.of("--no-model", "--model", "x.onnx"), home));
        assertTrue(both.getMessage().contains("--no-model"), both.getMessage());
        assertEquals(false, Settings.byPid(Map.of("modelEnabled", false)).get(Settings.ONNX).get("modelEnabled"));
    }

    @Test
    void badArgumentsAreExplained() {
        assertEquals("Unknown option: '--bogus'",
                assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse(List.of("--bogus"), home)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.parse(List.of("--port", "http"), home)).getMessage().contains("'http' is not an int"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.parse(List.of("--port", "70000"), home)).getMessage().contains("65535"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse(List.of("--data"), home))
                .getMessage().contains("Missing required parameter for option '--data'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse(List.of("stray"), home))
                .getMessage().contains("'stray'"));
    }

    @Test
    void helpAndVersionAreAskedForNotRun() throws Exception {
        assertEquals(ServerOptions.Requested.HELP, ServerOptions.parse(List.of("--help"), home).requested());
        assertEquals(ServerOptions.Requested.HELP, ServerOptions.parse(List.of("-h"), home).requested());
        assertEquals(ServerOptions.Requested.VERSION, ServerOptions.parse(List.of("--version"), home).requested());
        assertEquals(ServerOptions.Requested.RUN, ServerOptions.parse(List.of(), home).requested());
        String usage = ServerOptions.usage();
        for (String option : List.of("--data=DIR", "--host=HOST", "--port=PORT", "--no-signup", "--encrypt-at-rest",
                "--model=FILE", "--help", "--version", "gallerist.properties")) {
            assertTrue(usage.contains(option), option + " in " + usage);
        }
    }
}
