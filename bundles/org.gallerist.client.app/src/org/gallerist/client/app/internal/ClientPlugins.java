package org.gallerist.client.app.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client plugins: the bundle jars in the installation's {@code dropins} folder (for every user, e.g. from a package)
 * and in the user's {@code plugins} folder are installed, updated or started at each start, before the application
 * model is read, so that their model fragments apply; jars gone since the last start are uninstalled. A plugin that
 * cannot be installed or started is logged with its name and reported once; the client starts without it.
 */
final class ClientPlugins {
    private static final Logger LOG = LoggerFactory.getLogger(ClientPlugins.class);
    private static final String LOCATION_PREFIX = "gallerist-client-plugin:";
    private static final String EXTENSION_PACKAGE = "org.gallerist.client.ui.extension.";

    /** A plugin that failed, by its file, and why. */
    record Failure(String file, String reason) {
    }

    private final BundleContext context;
    private final List<Path> folders;

    ClientPlugins(BundleContext context, List<Path> folders) {
        this.context = context;
        this.folders = List.copyOf(folders);
    }

    /** Brings the installed plugins in line with the folders; returns what failed. */
    List<Failure> install() {
        List<Failure> failures = new ArrayList<>();
        Set<String> present = new HashSet<>();
        List<Bundle> started = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, "*.jar")) {
                for (Path jar : jars) {
                    String location = LOCATION_PREFIX + jar.toAbsolutePath().normalize();
                    present.add(location);
                    installOrUpdate(jar, location, failures, started);
                }
            } catch (IOException e) {
                LOG.warn("The plugin folder {} cannot be read: {}", folder, e.toString());
            }
        }
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(LOCATION_PREFIX) && !present.contains(bundle.getLocation())) {
                uninstall(bundle);
            }
        }
        for (Bundle bundle : started) {
            start(bundle, failures);
        }
        return failures;
    }

    private void installOrUpdate(Path jar, String location, List<Failure> failures, List<Bundle> started) {
        try (InputStream content = Files.newInputStream(jar)) {
            Bundle existing = context.getBundle(location);
            Bundle bundle;
            if (existing == null) {
                bundle = context.installBundle(location, content);
                LOG.info("Installed client plugin {} {} from {}", bundle.getSymbolicName(), bundle.getVersion(), jar);
            } else if (existing.getLastModified() < Files.getLastModifiedTime(jar).toMillis()) {
                existing.update(content);
                bundle = existing;
                LOG.info("Updated client plugin {} {} from {}", bundle.getSymbolicName(), bundle.getVersion(), jar);
            } else {
                bundle = existing;
            }
            if (bundle.getHeaders().get("Fragment-Host") == null) {
                started.add(bundle);
            }
        } catch (BundleException | IOException | RuntimeException e) {
            LOG.error("The client plugin {} could not be installed: {}", jar.getFileName(), e.getMessage());
            failures.add(new Failure(jar.getFileName().toString(), e.getMessage()));
        }
    }

    /** Started after all are installed, so that plugins needing each other resolve together. */
    private void start(Bundle bundle, List<Failure> failures) {
        try {
            bundle.start();
        } catch (BundleException | RuntimeException e) {
            LOG.error("The client plugin {} could not be started: {}", bundle.getSymbolicName(), e.getMessage());
            failures.add(new Failure(bundle.getSymbolicName(), e.getMessage()));
        }
    }

    private void uninstall(Bundle bundle) {
        try {
            LOG.info("Uninstalling client plugin {}: its jar is gone", bundle.getSymbolicName());
            bundle.uninstall();
        } catch (BundleException e) {
            LOG.warn("The client plugin {} could not be uninstalled: {}", bundle.getSymbolicName(), e.getMessage());
        }
    }

    /** Waits, up to 3 s, until every started plugin with DS components has registered a service (SCR is async). */
    void awaitServices() {
        long deadline = System.currentTimeMillis() + 3_000;
        while (System.currentTimeMillis() < deadline) {
            boolean waiting = false;
            for (Bundle bundle : context.getBundles()) {
                waiting |= bundle.getLocation().startsWith(LOCATION_PREFIX) && bundle.getState() == Bundle.ACTIVE
                        && bundle.getHeaders().get("Service-Component") != null && bundle.getRegisteredServices() == null;
            }
            if (!waiting) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * One line per plugin with its state and the services it offers, for {@code --plugins}: those from the plugins
     * folders, then those installed into the installation by p2 (bundles offering the client's extension services).
     */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            List<String> services = services(bundle);
            if (bundle.getLocation().startsWith(LOCATION_PREFIX)) {
                lines.add(line(bundle, services) + " (" + bundle.getLocation().substring(LOCATION_PREFIX.length()) + ")");
            } else if (services.stream().anyMatch(type -> type.startsWith(EXTENSION_PACKAGE))) {
                lines.add(line(bundle, services) + " (installed by p2)");
            }
        }
        return lines;
    }

    private static String line(Bundle bundle, List<String> services) {
        List<String> simple = services.stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).sorted().toList();
        return bundle.getSymbolicName() + " " + bundle.getVersion() + " " + state(bundle)
                + (simple.isEmpty() ? "" : ": " + String.join(", ", simple));
    }

    private static List<String> services(Bundle bundle) {
        List<String> services = new ArrayList<>();
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        if (registered != null) {
            for (ServiceReference<?> reference : registered) {
                services.addAll(List.of((String[]) reference.getProperty("objectClass")));
            }
        }
        return services;
    }

    private static String state(Bundle bundle) {
        return switch (bundle.getState()) {
        case Bundle.ACTIVE -> "active";
        case Bundle.RESOLVED -> "resolved";
        case Bundle.INSTALLED -> "not resolved";
        case Bundle.STARTING -> bundle.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY) != null
                ? "active (lazy)" : "starting"; // services registered, activated at the first use of a class
        default -> "state " + bundle.getState();
        };
    }
}
