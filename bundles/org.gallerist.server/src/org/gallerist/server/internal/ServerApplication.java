package org.gallerist.server.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.LogManager;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.gallerist.api.server.ServerEndpoint;
import org.gallerist.api.similarity.SimilarityService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.launch.Framework;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The headless server: turns the command line into the {@code org.gallerist.server} configuration (which
 * activates storage and the SSH transport), says when it is ready, re-reads its settings on SIGHUP and stops the
 * framework on SIGTERM.
 * What it prints to standard output and its usage errors are its user interface; its diagnostics are logged.
 */
public class ServerApplication implements IApplication {

    private static final Integer EXIT_USAGE = 2;
    private static final Integer EXIT_FAILED = 1;
    private static final long START_TIMEOUT_SECONDS = 60;
    /** How often the start looks for a storage component that failed (StartFailures) while it waits. */
    private static final long START_POLL_MILLIS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(ServerApplication.class);

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean restarting = new AtomicBoolean();
    private final ReloadSignal reload = new ReloadSignal();
    /** Open from the start until the server stops, so that SIGHUP can apply settings with it. */
    private ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> admin;

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] raw = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        List<String> arguments = List.of(raw == null ? new String[0] : raw);
        if (!arguments.isEmpty() && arguments.get(0).equals(MigrateCommand.NAME)) {
            return MigrateCommand.run(arguments.subList(1, arguments.size()), System.getenv(), System.out,
                    System.err);
        }
        ServerOptions options;
        try {
            options = ServerOptions.parse(arguments, Path.of(System.getProperty("user.home")));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(ServerOptions.usage());
            return EXIT_USAGE;
        }
        switch (options.requested()) {
        case HELP -> {
            System.out.print(ServerOptions.usage());
            return IApplication.EXIT_OK;
        }
        case VERSION -> {
            System.out.print(ProgramBuild.of(FrameworkUtil.getBundle(getClass())).versionText("gallerist-server"));
            return IApplication.EXIT_OK;
        }
        case RUN -> {
            // below
        }
        }
        List<String> problems = checkStartable(options);
        if (!problems.isEmpty()) {
            problems.forEach(problem -> System.err.println("Gallerist server cannot start: " + problem));
            return EXIT_FAILED;
        }
        // attached before anything is configured, so that the components' start-up lines are in it
        RotatingLogFile logFile;
        try {
            logFile = ServerLogFile.attach(options.dataDir());
        } catch (IOException e) {
            System.err.println("Gallerist server cannot start: its log file cannot be opened (" + e + ").");
            return EXIT_FAILED;
        }
        if (!tighten(options.dataDir())) {
            ServerLogFile.detach(logFile);
            return EXIT_FAILED;
        }
        BundleContext bundles = FrameworkUtil.getBundle(getClass()).getBundleContext();
        ServerEndpoint endpoint = configureAndAwait(bundles, options, arguments);
        if (endpoint == null) {
            Optional<String> failure = StartFailures.first(bundles);
            if (failure.isPresent()) {
                System.err.println("Gallerist server cannot start: " + failure.get());
                LOG.error("Gallerist server cannot start: {}", failure.get());
            } else {
                LOG.error("Gallerist server did not start within {} s; see the log above and {}.",
                        START_TIMEOUT_SECONDS, options.dataDir().resolve("derby.log"));
            }
            ServerLogFile.detach(logFile);
            return EXIT_FAILED;
        }
        // before "ready": whoever waits for that line may use the console's update at once
        ServiceRegistration<ServerRestart> restart = bundles.registerService(ServerRestart.class, () -> {
            restarting.set(true);
            stopped.countDown();
        }, null);
        System.out.println("Gallerist server ready on " + endpoint.host() + ":" + endpoint.port());
        System.out.println("Data folder: " + options.dataDir());
        System.out.println("Host key fingerprint: " + endpoint.hostKeyFingerprint());
        LOG.info("Gallerist server ready on {}:{}, data folder {}", endpoint.host(), endpoint.port(), options.dataDir());
        context.applicationRunning();
        AtomicBoolean exiting = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            exiting.set(true);
            stopFramework(bundles);
        }, "gallerist-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        ServiceTracker<SimilarityService, SimilarityService> similarity = startSimilarityIndex(bundles);
        stopped.await();
        unregister(restart);
        reload.stop();
        release(admin);
        release(similarity);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook itself brought us here
        }
        boolean again = restarting.get() && !exiting.get();
        System.out.println(again ? "Gallerist server stopped; it starts again on the updated installation."
                : "Gallerist server stopped.");
        if (!exiting.get()) {
            ServerLogFile.detach(logFile);
        } // else bundles are still stopping and logging: the hook resets logging, closing the file, once they are done
        return again ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
    }

    @Override
    public void stop() {
        stopped.countDown();
    }

    /** What keeps the server from starting, each naming the path or port and the fix; empty if nothing does. */
    private static List<String> checkStartable(ServerOptions options) {
        try {
            DataFolderModes.createPrivate(options.dataDir());
        } catch (IOException e) {
            return List.of("the data folder " + options.dataDir() + " cannot be created (" + e.getMessage() + ").");
        }
        if (!Files.isWritable(options.dataDir())) {
            return List.of("the data folder " + options.dataDir() + " is not writable.");
        }
        try {
            List<String> loose = DataFolderModes.check(options.dataDir()).refusals();
            if (!loose.isEmpty()) {
                return loose;
            }
        } catch (IOException e) {
            return List.of("the permissions in the data folder " + options.dataDir() + " cannot be read ("
                    + e.getMessage() + ").");
        }
        if (options.hostKey() != null) {
            List<String> hostKey = HostKeyFile.problems(options.hostKey());
            if (!hostKey.isEmpty()) {
                return hostKey;
            }
        }
        if (options.port() != 0) {
            try (ServerSocket probe = new ServerSocket(options.port(), 1, InetAddress.getByName(options.host()))) {
                probe.setReuseAddress(true);
            } catch (IOException e) {
                return List.of("cannot listen on " + options.host() + ":" + options.port() + " (" + e.getMessage()
                        + "). Is another server running? Choose another port with --port.");
            }
        }
        return List.of();
    }

    /**
     * Folders and files the server made with looser modes (an older version, a umask) become 0700 and 0600, said in
     * the log; false (said on stderr) if that fails.
     */
    private static boolean tighten(Path dataDir) {
        try {
            DataFolderModes.Verdict verdict = DataFolderModes.checkAndTighten(dataDir);
            if (verdict.refused()) { // changed since the first look
                verdict.refusals().forEach(problem -> System.err.println("Gallerist server cannot start: " + problem));
                return false;
            }
            if (!verdict.tightened().isEmpty()) {
                LOG.warn("Tightened the permissions of {} folders and files in {} that others could read (now 0700"
                        + " and 0600; older versions used the umask's): {}", verdict.tightened().size(), dataDir,
                        verdict.tightened().size() <= 10 ? verdict.tightened()
                                : verdict.tightened().subList(0, 10) + " and more");
            }
            return true;
        } catch (IOException e) {
            System.err.println("Gallerist server cannot start: the permissions in the data folder " + dataDir
                    + " cannot be tightened (" + e.getMessage() + "). Fix: chmod -R go-rwx " + dataDir);
            return false;
        }
    }

    private ServerEndpoint configureAndAwait(BundleContext bundles, ServerOptions options, List<String> args)
            throws Exception {
        admin = new ServiceTracker<>(bundles, ConfigurationAdmin.class, null);
        ServiceTracker<ServerEndpoint, ServerEndpoint> endpoints = new ServiceTracker<>(bundles, ServerEndpoint.class,
                null);
        admin.open();
        endpoints.open();
        try {
            ConfigurationAdmin configurationAdmin = admin.waitForService(TimeUnit.SECONDS.toMillis(START_TIMEOUT_SECONDS));
            if (configurationAdmin == null) {
                LOG.error("Configuration Admin is not running; the installation is incomplete.");
                return null;
            }
            // Files in DATA/config first, then one configuration per other component, the data folder's last: it
            // starts them all with their settings. The model loads beside the server's start; until it runs (or if
            // it cannot), the descriptor serves.
            ConfigFolder files = new ConfigFolder(options.configDir());
            files.watch(bundles, configurationAdmin, TimeUnit.SECONDS.toMillis(10));
            Settings.apply(configurationAdmin, options.configurations(), files.pids());
            reload.listen(() -> {
                ServerOptions again = ServerOptions.parse(args, Path.of(System.getProperty("user.home")));
                ConfigurationAdmin now = admin.getService();
                if (now == null) {
                    throw new IllegalStateException("Configuration Admin is not running");
                }
                Settings.apply(now, again.configurations(), files.pids());
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
            while (System.nanoTime() < deadline && StartFailures.first(bundles).isEmpty()) {
                ServerEndpoint endpoint = endpoints.waitForService(START_POLL_MILLIS);
                if (endpoint != null && StartFailures.settled(bundles)) {
                    return StartFailures.first(bundles).isEmpty() ? endpoint : null;
                }
            }
            return null;
        } finally {
            endpoints.close(); // the admin tracker stays open for reloads; closed when the server stops
        }
    }

    /**
     * The similarity index is a delayed component: activated with the server's start, its load competed with the
     * start itself. Asked for once the server answers, the vectors load while the first requests are served, and the
     * first search by content finds them loaded or loading; held until the server stops, so that they stay loaded
     * when no session uses them.
     */
    private static ServiceTracker<SimilarityService, SimilarityService> startSimilarityIndex(BundleContext bundles) {
        ServiceTracker<SimilarityService, SimilarityService> similarity = new ServiceTracker<>(bundles,
                SimilarityService.class, null);
        similarity.open();
        if (similarity.getService() == null) {
            LOG.warn("Similarity search is not running; its index loads at the first search by content.");
        }
        return similarity;
    }

    private static void unregister(ServiceRegistration<?> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException frameworkStopped) {
            // the shutdown hook stopped the framework first, which unregistered it
        }
    }

    private static void release(ServiceTracker<?, ?> tracker) {
        try {
            tracker.close();
        } catch (IllegalStateException frameworkStopped) {
            // the shutdown hook stopped the framework first, which released the service
        }
    }

    /**
     * Stopping the framework deactivates every component, so Derby and the SSH server shut down cleanly. Then, and
     * not before, logging is reset (its handlers flushed and closed): the launch script's {@code ShutdownLogManager}
     * (bundle org.gallerist.server.logging) ignores the reset of JUL's own shutdown hook, which runs beside this one and
     * would otherwise close the console and the log file while the components still log their shutdown.
     */
    private static void stopFramework(BundleContext bundles) {
        LOG.info("Gallerist server stopping: the JVM is shutting down");
        try {
            Framework framework = (Framework) bundles.getBundle(0);
            framework.stop();
            framework.waitForStop(TimeUnit.SECONDS.toMillis(30));
        } catch (Exception e) {
            LOG.error("Gallerist server did not stop cleanly: {}", e.toString());
        } finally {
            LogManager.getLogManager().reset();
        }
    }
}
