package org.gallerist.tests.harness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real S3 endpoint for tests: S3Proxy ({@code org.gaul:s3proxy} jar-with-dependencies, which the harness's build
 * copies from Maven Central to the path in {@code gallerist.s3proxy}) with its filesystem backend in a temporary
 * folder, on a free loopback port, with one login ({@link #IDENTITY}, {@link #CREDENTIAL}). A bucket is a folder of
 * the backend ({@link #createBucket}). Stopped by its pid; the folder is removed on {@link #close}.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String IDENTITY = "gallerist-test";
    public static final String CREDENTIAL = "gallerist-test-secret";
    private static final long START_SECONDS = 60;

    private final Path folder;
    private final int port;
    private Process process;

    private S3ProxyServer(Path folder, int port) {
        this.folder = folder;
        this.port = port;
    }

    public static S3ProxyServer start() throws Exception {
        Path jar = Path.of(System.getProperty("gallerist.s3proxy", "s3proxy.jar"));
        assertTrue(Files.isRegularFile(jar), "S3Proxy is not at " + jar + " (the harness's build copies it there)");
        Path folder = Files.createTempDirectory("gallerist-s3proxy",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.createDirectories(folder.resolve("buckets"));
        S3ProxyServer server = new S3ProxyServer(folder, TestServer.freePort());
        Files.writeString(folder.resolve("s3proxy.properties"), String.join("\n",
                "s3proxy.endpoint=" + server.endpoint(), "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + IDENTITY, "s3proxy.credential=" + CREDENTIAL,
                "s3proxy.ignore-unknown-headers=false", "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + folder.resolve("buckets"), ""));
        server.startAgain();
        return server;
    }

    /** Starts it (again, after {@link #stop}) on the same port and buckets. */
    public void startAgain() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        process = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-jar",
                System.getProperty("gallerist.s3proxy", "s3proxy.jar"), "--properties",
                folder.resolve("s3proxy.properties").toString())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("s3proxy.log").toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (!answers()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("S3Proxy did not start within " + START_SECONDS + " s: "
                        + Files.readString(folder.resolve("s3proxy.log")));
            }
            Thread.sleep(100);
        }
    }

    /** Whether it answers HTTP at all (an unsigned request is refused, which is an answer). */
    private boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint() + "/").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() > 0;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** A new, empty bucket NAME. */
    public String createBucket(String name) throws IOException {
        Files.createDirectory(folder.resolve("buckets").resolve(name));
        return name;
    }

    /** Every object's file in the backend, for tests that look at what was stored. */
    public Path bucketFolder(String name) {
        return folder.resolve("buckets").resolve(name);
    }

    /** Stops it at once (the store going away); {@link #startAgain} brings it back. */
    public void stop() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws Exception {
        stop();
        Folders.deleteTree(folder);
    }
}
