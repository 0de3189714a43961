package org.gallerist.tests.harness;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server (Debian's {@code postgresql-15}) of its own, for one test class: {@code initdb} into a new
 * temporary folder, then {@code postgres} on a free loopback port with its socket in that folder, password authentication
 * (SCRAM) for the one role {@link #USER}. PostgreSQL refuses to run as root, so where the tests run as root the engine
 * runs as {@code nobody} ({@code setpriv}, which execs it: the process started here is the server itself, and only it
 * is ever stopped).
 */
public final class PostgresEngine implements AutoCloseable {

    public static final String USER = "gallerist";
    public static final String PASSWORD = "correct horse battery staple";
    private static final List<Path> BINARIES = List.of(Path.of("/usr/lib/postgresql/15/bin"));
    private static final long START_SECONDS = 60;

    private final Path bin;
    private final Path folder;
    private final int port;
    private final boolean durable;
    private Process server;

    private PostgresEngine(Path bin, Path folder, int port, boolean durable) {
        this.durable = durable;
        this.bin = bin;
        this.folder = folder;
        this.port = port;
    }

    /** The folder of PostgreSQL 15's programs, if installed. */
    public static Optional<Path> binaries() {
        return BINARIES.stream().filter(dir -> Files.isExecutable(dir.resolve("postgres"))).findFirst();
    }

    /**
     * Creates a cluster in a new folder of the temporary directory (removed again by {@link #close}) and starts it on
     * a free loopback port. Without PostgreSQL 15 the test is skipped, or fails where {@code gallerist.requirePostgres}
     * is true (CI, whose {@code .ci/run} installs it).
     */
    public static PostgresEngine start() throws Exception {
        return start(false);
    }

    /**
     * Like {@link #start()}; {@code durable} keeps PostgreSQL's default {@code fsync=on}, so that each commit waits
     * for the disk as a real installation's does (for benchmarks against the embedded Derby, which syncs its log).
     */
    public static PostgresEngine start(boolean durable) throws Exception {
        Optional<Path> installed = binaries();
        String missing = "PostgreSQL 15 is not installed (Debian package postgresql-15)";
        if (Boolean.getBoolean("gallerist.requirePostgres")) {
            assertTrue(installed.isPresent(), missing + " but gallerist.requirePostgres=true");
        } else {
            assumeTrue(installed.isPresent(), missing);
        }
        Path bin = installed.orElseThrow();
        Path folder = Files.createTempDirectory("gallerist-postgres",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path passwordFile = folder.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n", StandardCharsets.UTF_8);
        Path data = folder.resolve("data");
        Files.createDirectories(data);
        if (root()) { // the folder becomes nobody's; its parent, the temporary directory, lets everyone pass
            Processes.run(List.of("chown", "-R", "nobody:nogroup", folder.toString()), null, 30);
        }
        Processes.Result initdb = Processes.run(asEngineUser(List.of(bin.resolve("initdb").toString(), "-D",
                data.toString(), "-U", USER, "--pwfile=" + passwordFile, "--auth=scram-sha-256", "-E", "UTF8",
                "--locale=C.UTF-8", "--no-sync")), null, 120);
        if (initdb.exitCode() != 0) {
            throw new IllegalStateException("initdb failed: " + initdb.stdout() + initdb.stderr());
        }
        PostgresEngine engine = new PostgresEngine(bin, folder, TestServer.freePort(), durable);
        engine.startServer();
        return engine;
    }

    /** Starts the server (again, after {@link #stop}) on the same data and port. */
    public void startServer() throws Exception {
        if (server != null && server.isAlive()) {
            throw new IllegalStateException("PostgreSQL is already running");
        }
        Path log = folder.resolve("server.log");
        // fsync off unless durable: a test cluster need not survive a power cut, and fsync makes every commit wait
        server = new ProcessBuilder(asEngineUser(List.of(bin.resolve("postgres").toString(), "-D",
                folder.resolve("data").toString(), "-p", Integer.toString(port), "-h", "127.0.0.1", "-k",
                folder.toString(), "-c", "fsync=" + (durable ? "on" : "off"), "-c", "max_connections=200")))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (true) {
            Processes.Result ready = Processes.run(List.of(bin.resolve("pg_isready").toString(), "-q", "-h",
                    "127.0.0.1", "-p", Integer.toString(port), "-U", USER, "-d", "postgres"), null, 10);
            if (ready.exitCode() == 0) {
                return;
            }
            if (!server.isAlive() || System.nanoTime() > deadline) {
                server.destroyForcibly();
                throw new IllegalStateException("PostgreSQL did not start within " + START_SECONDS + " s: "
                        + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    /** Creates database NAME (owned by {@link #USER}) and returns its JDBC URL. */
    public String createDatabase(String name) throws Exception {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        Processes.Result created = Processes.run(List.of(bin.resolve("psql").toString(), "-v", "ON_ERROR_STOP=1",
                "-q", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", USER, "-d", "postgres", "-c",
                "CREATE DATABASE " + name), null, 60, Map.of("PGPASSWORD", PASSWORD));
        if (created.exitCode() != 0) {
            throw new IllegalStateException("CREATE DATABASE " + name + " failed: " + created.stderr());
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * Fast shutdown (SIGINT; SIGTERM's "smart" shutdown would wait for the clients to leave): open transactions are
     * rolled back, and the server is down when this returns.
     */
    public void stop() throws Exception {
        if (server != null && server.isAlive()) {
            Processes.run(List.of("kill", "-INT", Long.toString(server.pid())), null, 10);
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Stops the server and removes its folder. */
    @Override
    public void close() throws Exception {
        stop();
        Folders.deleteTree(folder);
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asEngineUser(List<String> command) {
        if (!root()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=nobody", "--regid=nogroup",
                "--clear-groups", "--reset-env", "--"));
        wrapped.addAll(command);
        return wrapped;
    }
}
