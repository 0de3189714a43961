package org.gallerist.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.gallerist.spi.storage.DataFolder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.gallerist.api.log.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code <data>/plugins}: bundle jars dropped there are installed and started, replaced jars are updated, removed
 * jars are uninstalled — at start-up and while running — so third parties extend the server without rebuilding it.
 * Felix FileInstall was the first choice, but it watches {@code ./load} unless a framework property set before it
 * starts says otherwise, and the data folder is only known once the application has read its options.
 */
@Component(service = PluginFolder.class, configurationPid = PluginFolderConfig.PID,
        immediate = true) // nothing uses the service: watch anyway
@Designate(ocd = PluginFolderConfig.class)
public class PluginFolder {

    private static final Logger LOG = LoggerFactory.getLogger(PluginFolder.class);
    private static final String LOCATION_PREFIX = "gallerist-plugin:";

    private final BundleContext context;
    private final Path folder;
    private final Map<Path, FileTime> installed = new HashMap<>();
    /** Why the folder or a jar was last refused, so that each refusal is logged once, not at every scan. */
    private final Set<String> refusalsLogged = new HashSet<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gallerist-plugin-folder");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public PluginFolder(BundleContext context, @Reference DataFolder data, PluginFolderConfig config)
            throws IOException {
        this.context = context;
        this.folder = data.path().resolve("plugins");
        DataFolderModes.createPrivate(folder);
        poller.execute(this::uninstallRemovedWhileStopped);
        poller.scheduleWithFixedDelay(this::scan, 0, Math.max(200, config.pluginPollMillis()), TimeUnit.MILLISECONDS);
    }

    public Path folder() {
        return folder;
    }

    /** One pass over the folder; runs on the poller thread only. */
    synchronized void scan() {
        try {
            String untrusted = DataFolderModes.untrusted(folder);
            if (untrusted != null) { // made loose while running: the launcher refuses to start on it
                refuse(untrusted);
                return;
            }
            Set<Path> present = new HashSet<>();
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, "*.jar")) {
                for (Path jar : jars) {
                    present.add(jar);
                    String looseJar = DataFolderModes.untrustedFile(jar);
                    if (looseJar != null) {
                        refuse(looseJar);
                        continue;
                    }
                    FileTime modified = Files.getLastModifiedTime(jar);
                    if (!modified.equals(installed.get(jar))) {
                        installOrUpdate(jar);
                        installed.put(jar, modified);
                    }
                }
            }
            for (Path gone : new HashSet<>(installed.keySet())) {
                if (!present.contains(gone)) {
                    uninstall(gone);
                    installed.remove(gone);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Scanning the plugin folder {} failed", folder, e);
        }
    }

    /** Plugins are code: none is loaded from where others could have written it. */
    private void refuse(String reason) {
        if (refusalsLogged.add(reason)) {
            LOG.error("Not loading plugins: {}", reason);
        }
    }

    /**
     * The framework keeps plugins installed across restarts, but a scan only notices jars deleted since it last saw
     * them: a jar deleted while the server was stopped would leave its bundle running for good.
     */
    private synchronized void uninstallRemovedWhileStopped() {
        for (Bundle bundle : context.getBundles()) {
            String location = bundle.getLocation();
            if (location.startsWith(LOCATION_PREFIX)) {
                Path jar = Path.of(location.substring(LOCATION_PREFIX.length()));
                if (folder.toAbsolutePath().equals(jar.getParent()) && !Files.exists(jar)) {
                    uninstall(jar);
                }
            }
        }
    }

    private void installOrUpdate(Path jar) {
        String location = LOCATION_PREFIX + jar.toAbsolutePath();
        try (InputStream content = Files.newInputStream(jar)) {
            Bundle existing = context.getBundle(location);
            Bundle bundle = existing == null ? context.installBundle(location, content) : existing;
            if (existing != null) {
                existing.update(content);
            }
            if (bundle.getHeaders().get("Fragment-Host") == null) {
                bundle.start();
            }
            LOG.info("{} plugin {} {} from {}", existing == null ? "Installed" : "Updated",
                    LogText.quote(bundle.getSymbolicName()), bundle.getVersion(),
                    LogText.quote(jar.getFileName().toString()));
        } catch (BundleException | IOException | RuntimeException e) {
            // a broken plugin is reported and skipped; it must not stop the server or the other plugins
            LOG.warn("The plugin {} could not be installed or started: {}",
                    LogText.quote(jar.getFileName().toString()), LogText.quote(e.getMessage()));
        }
    }

    private void uninstall(Path jar) {
        Bundle bundle = context.getBundle(LOCATION_PREFIX + jar.toAbsolutePath());
        if (bundle != null) {
            try {
                bundle.uninstall();
                LOG.info("Uninstalled plugin {} ({} removed)", LogText.quote(bundle.getSymbolicName()),
                        LogText.quote(jar.getFileName().toString()));
            } catch (BundleException e) {
                LOG.warn("The plugin {} could not be uninstalled", LogText.quote(jar.getFileName().toString()), e);
            }
        }
    }

    /** Installed plugins stay installed (the framework remembers them); only the watching stops. */
    @Deactivate
    void stop() {
        poller.shutdownNow();
    }
}
