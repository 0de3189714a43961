package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.gallerist.server.internal.PluginFolder;
import org.gallerist.tests.harness.Await;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/** {@code <data>/plugins}: bundles dropped there are installed and started, updated and removed while running. */
class PluginFolderTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String NAME = "org.example.gallerist.dropin";

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("pluginPollMillis", 200);

    private final BundleContext context = FrameworkUtil.getBundle(PluginFolderTest.class).getBundleContext();

    @Test
    void bundlesAtStartAndWhileRunningAreInstalledUpdatedAndRemoved() throws Exception {
        server.afterStop(() -> find(NAME).ifPresent(PluginFolderTest::uninstall)); // the framework outlives the server
        Path plugins = Files.createDirectories(server.dataDir().resolve("plugins"));
        bundleJar(plugins.resolve("dropin.jar"), NAME, "1.0.0");
        Files.write(plugins.resolve("broken.jar"), new byte[] {1, 2, 3});

        server.start();
        assertEquals(plugins, TestServer.service(PluginFolder.class).folder());
        Bundle dropin = await(b -> b.getState() == Bundle.ACTIVE, "the plugin present at start is started");
        assertEquals("1.0.0", dropin.getVersion().toString());

        Path replaced = bundleJar(server.folder().resolve("next.jar"), NAME, "1.1.0");
        Files.setLastModifiedTime(replaced, FileTime.from(Instant.now().plusSeconds(5)));
        Files.move(replaced, plugins.resolve("dropin.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        await(b -> b.getVersion().toString().equals("1.1.0") && b.getState() == Bundle.ACTIVE,
                "a replaced jar updates the bundle");

        Path second = bundleJar(plugins.resolve("second.jar"), NAME + ".two", "2.0.0");
        awaitBundle(NAME + ".two", b -> b.getState() == Bundle.ACTIVE, "a jar dropped while running starts");

        Files.delete(second);
        awaitGone(NAME + ".two");
        assertTrue(find(NAME).isPresent(), "the other plugin stays; the broken jar stopped nothing");
    }

    @Test
    void aJarDeletedWhileTheServerIsStoppedIsUninstalledAtTheNextStart() throws Exception {
        server.afterStop(() -> find(NAME).ifPresent(PluginFolderTest::uninstall));
        Path plugins = Files.createDirectories(server.dataDir().resolve("plugins"));
        Path jar = bundleJar(plugins.resolve("dropin.jar"), NAME, "1.0.0");
        server.start();
        await(b -> b.getState() == Bundle.ACTIVE, "the plugin is started");
        server.stop();
        assertTrue(find(NAME).isPresent(), "the framework keeps plugins installed while the server is stopped");
        Files.delete(jar);
        server.startAgain();
        awaitGone(NAME);
    }

    @Test
    void nothingIsLoadedFromAPluginFolderOrJarOthersMayWrite() throws Exception {
        server.afterStop(() -> find(NAME).ifPresent(PluginFolderTest::uninstall));
        List<String> log = new CopyOnWriteArrayList<>();
        Handler listener = new Handler() {
            @Override
            public void publish(LogRecord record) {
                log.add(new SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(listener);
        server.afterStop(() -> Logger.getLogger("").removeHandler(listener));
        Path plugins = Files.createDirectories(server.dataDir().resolve("plugins"));
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path jar = bundleJar(plugins.resolve("dropin.jar"), NAME, "1.0.0");
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-rw-rw-"));

        server.start();
        Await.until(WAIT, "the refusal of the plugin folder in the log", () -> log.stream().anyMatch(line -> line
                .contains("Not loading plugins") && line.contains(plugins + " is writable by its group or others")));
        assertTrue(find(NAME).isEmpty(), "a jar anyone could have written is not run");

        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwx------"));
        Await.until(WAIT, "the refusal of the jar in the log", () -> log.stream().anyMatch(line -> line
                .contains("Not loading plugins") && line.contains(jar + " is writable by its group or others")));
        assertTrue(find(NAME).isEmpty(), "nor a jar anyone could have written");

        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-------"));
        await(b -> b.getState() == Bundle.ACTIVE, "the plugin is started once only its owner may write it");
    }

    private Bundle await(Predicate<Bundle> condition, String what) throws InterruptedException {
        return awaitBundle(NAME, condition, what);
    }

    private Bundle awaitBundle(String name, Predicate<Bundle> condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            Optional<Bundle> bundle = find(name);
            if (bundle.isPresent() && condition.test(bundle.get())) {
                return bundle.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Timed out: " + what);
    }

    private void awaitGone(String name) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (find(name).isPresent()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out: a removed jar uninstalls its bundle");
            }
            Thread.sleep(100);
        }
    }

    private Optional<Bundle> find(String name) {
        return Arrays.stream(context.getBundles()).filter(b -> name.equals(b.getSymbolicName())).findFirst();
    }

    private static void uninstall(Bundle bundle) {
        try {
            bundle.uninstall();
        } catch (Exception e) {
            // already gone
        }
    }

    /** A bundle with nothing but its manifest: enough to show the folder's life cycle. */
    private static Path bundleJar(Path file, String symbolicName, String version) throws IOException {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Bundle-ManifestVersion", "2");
        attributes.putValue("Bundle-SymbolicName", symbolicName);
        attributes.putValue("Bundle-Version", version);
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file;
    }
}
