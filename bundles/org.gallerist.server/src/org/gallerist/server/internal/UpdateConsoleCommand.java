package org.gallerist.server.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.gallerist.api.installation.InstallationLauncher;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's {@code update URL} (and {@code update --allow-unsigned URL}): updates the installation from a p2
 * repository through its launcher and, when a newer version was installed, restarts the server on it. The data
 * folder is untouched; the new version migrates it at its start, as after any upgrade.
 */
@Component(service = UpdateConsoleCommand.class, property = { "osgi.command.scope=gallerist",
        "osgi.command.function=update" })
public class UpdateConsoleCommand {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateConsoleCommand.class);

    private final ServerRestart restart;
    private final String installArea;

    @Activate
    public UpdateConsoleCommand(@Reference ServerRestart restart, BundleContext bundles) {
        this.restart = restart;
        this.installArea = bundles.getProperty("osgi.install.area");
    }

    public String update(String repository) {
        return update(repository, false);
    }

    public String update(String flag, String repository) {
        if (!InstallationLauncher.ALLOW_UNSIGNED.equals(flag)) {
            return "Usage: update [--allow-unsigned] REPOSITORY-URL";
        }
        return update(repository, true);
    }

    private String update(String repository, boolean allowUnsigned) {
        Optional<InstallationLauncher> launcher = InstallationLauncher.find(installArea, "gallerist-server");
        if (launcher.isEmpty()) {
            return "This server does not run from an installation with its launcher (gallerist-server), so it cannot"
                    + " update itself.";
        }
        List<String> arguments = allowUnsigned
                ? List.of("update", "--repository", repository, InstallationLauncher.ALLOW_UNSIGNED)
                : List.of("update", "--repository", repository);
        LOG.info("Updating the installation from {} ...", repository);
        InstallationLauncher.Outcome outcome;
        try {
            outcome = launcher.get().run(arguments);
        } catch (IOException e) {
            return "The update could not start (" + e.getMessage() + "). Nothing changed.";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "The update was interrupted; p2 commits only finished plans, so the installation is unchanged.";
        }
        if (outcome.exitCode() == InstallationLauncher.UNSIGNED && !allowUnsigned) {
            return outcome.output() + "\nIts artifacts are not signed by a trusted key: only for a repository you built"
                    + " yourself, run update " + InstallationLauncher.ALLOW_UNSIGNED + " " + repository + ".";
        }
        if (outcome.exitCode() != InstallationLauncher.DONE) {
            return outcome.output();
        }
        LOG.info("Installation updated from {}; the server restarts on the new version", repository);
        restart.restart();
        return outcome.output() + " Restarting on it now.";
    }
}
