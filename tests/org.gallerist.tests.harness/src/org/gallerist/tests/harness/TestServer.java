package org.gallerist.tests.harness;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.gallerist.api.client.ServerAddress;
import org.gallerist.api.server.ServerEndpoint;
import org.gallerist.server.internal.Settings;
import org.gallerist.server.internal.StartFailures;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The real server bundles, started in this framework the way the server application starts them: by creating one
 * configuration per component (mapped by {@link Settings}), the data folder's last (here on an ephemeral loopback
 * port and a temporary data folder).
 */
public final class TestServer implements AutoCloseable {

    /** The configuration whose deletion stops the server: every server component needs the data folder. */
    public static final String PID = Settings.DATA;
    /** Services of components that need the data folder, by name (the harness need not import them). */
    private static final String[] CONFIGURED_SERVICES = { ServerEndpoint.class.getName(),
            "org.gallerist.spi.storage.DataFolder", "org.gallerist.api.image.ImageService", "org.gallerist.api.similarity.SimilarityService",
            "org.gallerist.spi.storage.BlobStore", "org.gallerist.api.account.AccountService",
            "org.gallerist.storage.jdbc.StorageEngine", "org.gallerist.server.internal.PluginFolder" };
    private static final long TIMEOUT_MS = TimeUnit.SECONDS.toMillis(60);

    private final BundleContext context = FrameworkUtil.getBundle(TestServer.class).getBundleContext();
    private final Path dataDir;
    private final Map<String, Object> overrides;
    private ServerEndpoint endpoint;

    private TestServer(Path dataDir, Map<String, Object> overrides) {
        this.dataDir = dataDir;
        this.overrides = Map.copyOf(overrides);
    }

    /** Starts the server bundles on 127.0.0.1 and an ephemeral port; {@code overrides} change other settings. */
    public static TestServer start(Path dataDir, Map<String, Object> overrides) throws Exception {
        TestServer server = new TestServer(dataDir, overrides);
        server.startAgain();
        return server;
    }

    public static TestServer start(Path dataDir) throws Exception {
        return start(dataDir, Map.of());
    }

    /** Creates the configuration again (after {@link #stop()}), e.g. to show that nothing was lost. */
    public void startAgain() throws Exception {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("dataDir", dataDir.toString());
        settings.put("host", "127.0.0.1");
        settings.put("port", 0);
        settings.putAll(overrides);
        ServiceTracker<ServerEndpoint, ServerEndpoint> endpoints = new ServiceTracker<>(context, ServerEndpoint.class, null);
        endpoints.open();
        try {
            Settings.apply(service(ConfigurationAdmin.class), Settings.byPid(settings));
            long deadline = System.currentTimeMillis() + TIMEOUT_MS;
            while (true) {
                endpoint = endpoints.waitForService(200);
                Optional<String> failure = StartFailures.first(context);
                if (failure.isPresent()) {
                    endpoint = null;
                    ServerStartFailed failed = new ServerStartFailed(failure.get());
                    try {
                        stop(); // what did start is stopped, so the next start begins from nothing
                    } catch (Exception e) {
                        failed.addSuppressed(e);
                    }
                    throw failed;
                }
                if (endpoint != null && StartFailures.settled(context) || System.currentTimeMillis() > deadline) {
                    break;
                }
            }
            if (endpoint == null) {
                throw new IllegalStateException("The server did not register its endpoint within " + TIMEOUT_MS
                        + " ms. " + ComponentDiagnostics.problems(context));
            }
        } finally {
            endpoints.close();
        }
    }

    /**
     * Deletes the data folder's configuration, which deactivates transport and storage; waits until all of it has let
     * go. The components' own configurations stay until the next start writes them again.
     */
    public void stop() throws Exception {
        ConfigurationAdmin admin = service(ConfigurationAdmin.class);
        admin.getConfiguration(PID, "?").delete();
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        // Storage deactivates after the transport, asynchronously: a test's data folder may only go once nothing
        // configured with it is left, or a late component would work on a deleted folder in the next test.
        for (String service : CONFIGURED_SERVICES) {
            while (context.getServiceReference(service) != null) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("The server did not stop within " + TIMEOUT_MS + " ms: " + service
                            + " is still registered");
                }
                Thread.sleep(20);
            }
        }
        // SCR handles a deletion holder by holder and re-reads the configuration for each; one that still holds it
        // when the next configuration is made (the SSH server, which has no service of its own, comes last) takes
        // that as an update of the old one. So wait until no component that requires it is configured by it.
        while (!ComponentDiagnostics.released(context, PID)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("The server did not stop within " + TIMEOUT_MS + " ms: "
                        + "a component still holds its configuration");
            }
            Thread.sleep(20);
        }
        endpoint = null;
    }

    /**
     * A loopback port that was free a moment ago, for a server that must come back on the same port after
     * {@link #stop()} (pass it as the {@code port} override); ephemeral ports are rarely reused that soon.
     */
    public static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return probe.getLocalPort();
        }
    }

    public ServerAddress address() {
        return new ServerAddress(endpoint.host(), endpoint.port());
    }

    public String hostKeyFingerprint() {
        return endpoint.hostKeyFingerprint();
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * A service of this framework, waiting for it to appear. The harness keeps using it for the rest of the
     * run (it never ungets it), so bundle-scoped services such as ConfigurationAdmin stay valid and delayed
     * components are not deactivated between tests.
     */
    public static <T> T service(Class<T> type) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(TestServer.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            if (tracker.waitForService(TIMEOUT_MS) == null) {
                throw new IllegalStateException("No " + type.getName() + " service within " + TIMEOUT_MS + " ms");
            }
            return context.getService(tracker.getServiceReference());
        } finally {
            tracker.close();
        }
    }

    @Override
    public void close() throws Exception {
        if (endpoint != null) {
            stop();
        }
    }

    /** The server cannot start, for the reason a storage component gave (its database is down, say). */
    public static final class ServerStartFailed extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ServerStartFailed(String reason) {
            super(reason);
        }
    }
}
