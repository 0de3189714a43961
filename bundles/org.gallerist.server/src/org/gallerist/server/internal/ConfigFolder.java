package org.gallerist.server.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code DATA/config}: one {@code PID.cfg} (or typed {@code PID.config}) file per component, read and watched by
 * Apache Felix FileInstall, so an edit applies while the server runs. A component with a file is configured by that
 * file alone; the launcher configures the others. FileInstall would watch {@code ./load} of the working directory if
 * it started on its own, so the server product leaves it stopped and starts it here, once the data folder is known
 * (FileInstall reads the folder from the {@code felix.fileinstall.dir} property when it starts). The data folder's
 * own configuration never comes from a file in it.
 */
final class ConfigFolder {

    static final String NAME = "config";
    private static final String FILE_INSTALL = "org.apache.felix.fileinstall";
    private static final String EXTENSION = "\\.(cfg|config)$";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigFolder.class);

    private final Path folder;

    /** @param configDir the data folder, or the folder {@code --config} names */
    ConfigFolder(Path configDir) {
        this.folder = configDir.resolve(NAME);
    }

    Path folder() {
        return folder;
    }

    /** The PIDs the folder has a file for (the data folder's excepted). */
    Set<String> pids() throws IOException {
        Set<String> pids = new TreeSet<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    if (name.matches(".+" + EXTENSION) && Files.isRegularFile(file)) {
                        pids.add(name.replaceAll(EXTENSION, ""));
                    }
                }
            }
        }
        pids.remove(Settings.DATA);
        return pids;
    }

    /**
     * Starts FileInstall on the folder (created 0700 if missing) and waits, up to {@code timeoutMillis}, until it has
     * applied every file there; without FileInstall in the installation the files are not read and this says so.
     */
    void watch(BundleContext context, ConfigurationAdmin admin, long timeoutMillis) throws IOException,
            BundleException, InterruptedException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rwx------")));
        }
        Bundle fileInstall = null;
        for (Bundle bundle : context.getBundles()) {
            if (FILE_INSTALL.equals(bundle.getSymbolicName())) {
                fileInstall = bundle;
            }
        }
        Set<String> expected = pids();
        if (fileInstall == null) {
            if (!expected.isEmpty()) {
                LOG.warn("{} holds configuration files, but Felix FileInstall is not installed: they are ignored",
                        folder);
            }
            return;
        }
        System.setProperty("felix.fileinstall.dir", folder.toString());
        System.setProperty("felix.fileinstall.filter", "^(?!" + Settings.DATA.replace(".", "\\.") + "\\.).+"
                + EXTENSION);
        System.setProperty("felix.fileinstall.enableConfigSave", "false");
        System.setProperty("felix.fileinstall.noInitialDelay", "true");
        System.setProperty("felix.fileinstall.poll", "1000");
        System.setProperty("felix.fileinstall.log.level", "2");
        fileInstall.start(Bundle.START_TRANSIENT);
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (applied(admin) < expected.size() && System.currentTimeMillis() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        for (String pid : expected) {
            LOG.info("{} is configured by {} (watched: an edit applies at once)", pid, folder.resolve(pid + ".cfg"));
        }
    }

    private static int applied(ConfigurationAdmin admin) throws IOException {
        try {
            var configurations = admin.listConfigurations("(felix.fileinstall.filename=*)");
            return configurations == null ? 0 : configurations.length;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
