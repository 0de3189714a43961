package org.gallerist.tests.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.gallerist.api.User;
import org.gallerist.api.client.Credentials;
import org.gallerist.api.client.GalleristClient;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.client.HostKeyTrust;
import org.gallerist.api.client.ServerAddress;
import org.gallerist.server.internal.ConsoleCommands;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The real server bundles ({@link TestServer}) on 127.0.0.1 with a fresh folder per test, and the signed-up,
 * logged-in sessions a test talks to it through:
 *
 * <pre>
 * &#64;RegisterExtension
 * GalleristServerExtension server = GalleristServerExtension.fresh().with("signupEnabled", false);
 * ...
 * GalleristSession alice = server.signedUpAdmin("alice"); // made admin on the server console, as an operator would
 * GalleristSession bob = server.signedUp("bob"); // every signed-up account is a user
 * </pre>
 *
 * The server starts when the test first needs it (its address, a sign-up, a session...) or when it calls
 * {@link #start()}, so a test can first skip (no model, no OpenSSH) or fill the data folder (plugins). After the
 * test it deletes the configurations it made, closes every session it handed out and what the test gave it to
 * close, stops the server, runs the test's {@link #afterStop} actions and deletes the folder: only what it started.
 * On a {@code static} field with {@link #perClass()} one server serves the whole class.
 */
public final class GalleristServerExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    /** Trusts every host key (each test's server has a new one). */
    public static final HostKeyTrust TRUST_ALL = (host, port, type, fingerprint) -> true;
    static final String PASSWORD = "correct horse";

    /** Clean-up a test hands over, run after the server has stopped. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private final Map<String, Object> settings = new LinkedHashMap<>();
    private boolean fixedPort;
    private boolean perClass;
    private Supplier<Path> parent = () -> null;

    private Path folder;
    private TestServer server;
    private final List<GalleristSession> sessions = new CopyOnWriteArrayList<>(); // tests may log in from threads
    private final Deque<AutoCloseable> closeBeforeStop = new ArrayDeque<>();
    private final Deque<Action> afterStop = new ArrayDeque<>();
    private final Set<String> configurations = new LinkedHashSet<>();
    /** With {@code -Dgallerist.testDatabase=postgresql}, every server keeps its rows in PostgreSQL instead. */
    private final SharedPostgres postgres = new SharedPostgres();
    private String database;

    private GalleristServerExtension() {
    }

    /** A server with the default configuration, on an ephemeral port, with a fresh data folder per test. */
    public static GalleristServerExtension fresh() {
        return new GalleristServerExtension();
    }

    /** A configuration setting of the server (e.g. {@code signupEnabled}, {@code encryptAtRest}, {@code maxImagePixels}). */
    public GalleristServerExtension with(String key, Object value) {
        settings.put(key, value);
        return this;
    }

    /** A port chosen once, so that after {@link #stop()} the server comes back where its clients expect it. */
    public GalleristServerExtension onFixedPort() {
        fixedPort = true;
        return this;
    }

    /** The test's folder under {@code where} (asked when each test begins) instead of the temporary folder. */
    public GalleristServerExtension under(Supplier<Path> where) {
        parent = where;
        return this;
    }

    /** One server and folder for all tests of the class; the field must be {@code static}. */
    public GalleristServerExtension perClass() {
        perClass = true;
        return this;
    }

    /** The password of every account this extension signs up. A new array each time: sessions erase theirs. */
    public static char[] password() {
        return PASSWORD.toCharArray();
    }

    // --- life cycle -------------------------------------------------------------------------------------------

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        postgres.beforeEach(context);
        if (perClass) {
            open();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        postgres.beforeEach(context);
        if (!perClass) {
            open();
        } else if (folder == null) {
            throw new IllegalStateException("perClass() needs a static @RegisterExtension field");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            shutDown();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (perClass) {
            shutDown();
        }
    }

    private void open() throws IOException {
        Path where = parent.get();
        folder = where == null ? Files.createTempDirectory("gallerist-test-")
                : Files.createTempDirectory(where, "gallerist-test-");
        database = null;
    }

    private void shutDown() throws Exception {
        List<Exception> failures = new ArrayList<>();
        if (server != null) {
            for (String pid : configurations) {
                attempt(failures, () -> configurationAdmin().getConfiguration(pid, "?").delete());
            }
        }
        configurations.clear();
        sessions.forEach(session -> attempt(failures, session::close));
        sessions.clear();
        while (!closeBeforeStop.isEmpty()) {
            attempt(failures, closeBeforeStop.pop()::close);
        }
        boolean stopped = true;
        if (server != null) {
            stopped = attempt(failures, server::close);
            server = null;
        }
        while (!afterStop.isEmpty()) {
            attempt(failures, afterStop.pop()::run);
        }
        if (stopped) { // a server that did not stop may still write there; leave it for a look
            attempt(failures, () -> Folders.deleteTree(folder));
        }
        folder = null;
        if (!failures.isEmpty()) {
            Exception first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private static boolean attempt(List<Exception> failures, Action action) {
        try {
            action.run();
            return true;
        } catch (Exception e) {
            failures.add(e);
            return false;
        }
    }

    // --- the server -------------------------------------------------------------------------------------------

    /** This test's own folder, for anything it writes besides the server's data. */
    public Path folder() {
        if (folder == null) {
            throw new IllegalStateException("The extension is not active: register it with @RegisterExtension");
        }
        return folder;
    }

    /** The server's data folder (it exists once the server has started; a test may fill it before). */
    public Path dataDir() {
        return folder().resolve("data");
    }

    /** The known_hosts file the sessions this extension opens use. */
    public Path knownHosts() {
        return folder().resolve("client").resolve("known_hosts");
    }

    /** Starts the server unless it has been started already (also after a {@link #stop()}: see {@link #startAgain()}). */
    public TestServer start() throws Exception {
        if (server == null) {
            server = TestServer.start(dataDir(), configuration(Map.of()));
        }
        return server;
    }

    /**
     * Starts the server with {@code changes} on top of this extension's settings, on the same data folder; stops
     * it first if it runs (e.g. to switch encryption at rest on, or back to the plain settings with an empty map).
     */
    public TestServer startWith(Map<String, Object> changes) throws Exception {
        if (server != null) {
            server.close();
        }
        server = TestServer.start(dataDir(), configuration(changes));
        return server;
    }

    private Map<String, Object> configuration(Map<String, Object> changes) throws Exception {
        if (fixedPort && !settings.containsKey("port")) {
            settings.put("port", TestServer.freePort());
        }
        Map<String, Object> all = new LinkedHashMap<>(settings);
        all.putAll(changes);
        if ("postgresql".equals(System.getProperty("gallerist.testDatabase")) && !all.containsKey("database")) {
            if (database == null) { // one database per data folder, kept across restarts
                database = postgres.newDatabase() + "?user=" + PostgresEngine.USER + "&password="
                        + PostgresEngine.PASSWORD.replace(" ", "%20");
            }
            all.put("database", database);
        }
        return all;
    }

    /** The running (or stopped) server, started if it was not yet. */
    public TestServer server() {
        try {
            return start();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The server did not start: " + e.getMessage(), e);
        }
    }

    /** Stops the server bundles; the sessions stay and see the server go. */
    public void stop() throws Exception {
        server().stop();
    }

    /** Starts the stopped server again with the same configuration, data folder and (with a fixed port) port. */
    public void startAgain() throws Exception {
        server().startAgain();
    }

    public ServerAddress address() {
        return server().address();
    }

    public String hostKeyFingerprint() {
        return server().hostKeyFingerprint();
    }

    /** The client bundle's service. */
    public GalleristClient client() {
        return service(GalleristClient.class);
    }

    private static <T> T service(Class<T> type) {
        try {
            return TestServer.service(type);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + type.getName(), e);
        }
    }

    private static ConfigurationAdmin configurationAdmin() {
        return service(ConfigurationAdmin.class);
    }

    /** Creates or updates a configuration besides the server's (e.g. an image model); deleted after the test. */
    public void configure(String pid, Map<String, ?> properties) throws IOException {
        server();
        configurations.add(pid);
        configurationAdmin().getConfiguration(pid, "?").update(new Hashtable<>(properties));
    }

    /** Deletes a configuration made with {@link #configure}. */
    public void deleteConfiguration(String pid) throws IOException {
        configurationAdmin().getConfiguration(pid, "?").delete();
    }

    /** Closes {@code resource} after the sessions and before the server stops (e.g. a proxy in front of it). */
    public <T extends AutoCloseable> T closeBeforeStop(T resource) {
        closeBeforeStop.push(resource);
        return resource;
    }

    /** Runs {@code action} after the server has stopped, even if the test failed (e.g. uninstalling plugins). */
    public void afterStop(Action action) {
        afterStop.push(action);
    }

    // --- accounts and sessions --------------------------------------------------------------------------------

    /** Signs {@code name} up with {@link #password()} and no keys: a user (no sign-up makes an admin). */
    public User signUp(String name) {
        return signUp(name, password(), List.of());
    }

    public User signUp(String name, char[] password, List<String> publicKeys) {
        return client().signUp(address(), name, password, publicKeys, knownHosts(), TRUST_ALL);
    }

    /** A session logged in by password; closed after the test (closing it earlier is fine). */
    public GalleristSession logIn(String name) {
        return logIn(name, password());
    }

    public GalleristSession logIn(String name, char[] password) {
        return logIn(new Credentials.Password(name, password), address());
    }

    /** A session by password through another address, e.g. a proxy in front of the server. */
    public GalleristSession logIn(String name, ServerAddress where) {
        return logIn(new Credentials.Password(name, password()), where);
    }

    public GalleristSession logIn(Credentials credentials, ServerAddress where) {
        GalleristSession session = client().connect(where, credentials, knownHosts(), TRUST_ALL);
        sessions.add(session);
        return session;
    }

    /** Signs {@code name} up and logs in, as a user. */
    public GalleristSession signedUp(String name) {
        signUp(name);
        return logIn(name);
    }

    /** Signs {@code name} up, makes it an admin with the console's {@code promote} and logs in. */
    public GalleristSession signedUpAdmin(String name) {
        signUp(name);
        promote(name);
        return logIn(name);
    }

    /**
     * Makes an existing account an admin the way an operator does: the server console's {@code gallerist:promote}
     * (the same function Gogo calls).
     */
    public void promote(String name) {
        String answer = service(ConsoleCommands.class).promote(name);
        if (!answer.startsWith("Promoted")) {
            throw new IllegalStateException("The console did not promote " + name + ": " + answer);
        }
    }

    /**
     * Stock OpenSSH against this server, working in {@link #folder()}; skips the test where the OpenSSH client
     * (or one of {@code alsoNeeded}, e.g. {@code tar}) is not installed.
     */
    public OpenSsh openSsh(String... alsoNeeded) {
        OpenSsh.assumeInstalled(alsoNeeded);
        return new OpenSsh(address().port(), folder().resolve("known_hosts"), folder());
    }
}
