package org.gallerist.client.app.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.gallerist.api.installation.InstallationLauncher;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.prefs.BackingStoreException;

import jakarta.inject.Named;

/**
 * Help › Check for Updates: asks for the update site (a p2 repository, remembered), lets the installation's launcher
 * compare it with what is installed, installs a newer version when the user agrees and restarts on it. The launcher
 * runs p2 in a process of its own, so a failed update leaves this client running as it was.
 */
public class CheckForUpdatesHandler {

    static final String REPOSITORY_PREFERENCE = "updateRepository";
    private static final String TITLE = "Check for Updates";

    @Execute
    public void check(IWorkbench workbench, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        String installArea = FrameworkUtil.getBundle(getClass()).getBundleContext().getProperty("osgi.install.area");
        Optional<InstallationLauncher> launcher = InstallationLauncher.find(installArea, "gallerist-client");
        if (launcher.isEmpty()) {
            MessageDialog.openInformation(shell, TITLE, "This Gallerist client does not run from an installation with"
                    + " its launcher (gallerist-client), so it cannot update itself.");
            return;
        }
        IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode("org.gallerist.client.app");
        InputDialog ask = new InputDialog(shell, TITLE,
                "Update site: a p2 repository (https://…, file:/… or the absolute path of a folder).",
                preferences.get(REPOSITORY_PREFERENCE, ""), CheckForUpdatesHandler::invalidRepository);
        if (ask.open() != Window.OK) {
            return;
        }
        String repository = ask.getValue().strip();
        preferences.put(REPOSITORY_PREFERENCE, repository);
        try {
            preferences.flush();
        } catch (BackingStoreException e) {
            // remembered for this session only
        }
        run(shell, launcher.get(), "Checking " + repository + " for updates",
                List.of("update", "--repository", repository, "--check"), checked -> {
                    if (checked.exitCode() == InstallationLauncher.NOTHING_TO_DO) {
                        MessageDialog.openInformation(shell, TITLE, checked.output());
                    } else if (checked.exitCode() != InstallationLauncher.DONE) {
                        MessageDialog.openError(shell, TITLE, checked.output());
                    } else if (MessageDialog.openQuestion(shell, TITLE,
                            checked.output() + "\n\nInstall it and restart Gallerist?")) {
                        install(workbench, shell, launcher.get(), repository, false);
                    }
                });
    }

    private static void install(IWorkbench workbench, Shell shell, InstallationLauncher launcher, String repository,
            boolean allowUnsigned) {
        List<String> arguments = allowUnsigned
                ? List.of("update", "--repository", repository, InstallationLauncher.ALLOW_UNSIGNED)
                : List.of("update", "--repository", repository);
        run(shell, launcher, "Installing the update from " + repository, arguments, installed -> {
            if (installed.exitCode() == InstallationLauncher.DONE) {
                if (MessageDialog.openQuestion(shell, TITLE, installed.output()
                        + "\n\nRestart now? (Otherwise it runs at the next start.)")) {
                    workbench.restart();
                }
            } else if (installed.exitCode() == InstallationLauncher.UNSIGNED && !allowUnsigned) {
                if (MessageDialog.openQuestion(shell, TITLE, installed.output() + "\n\nInstall the unsigned update"
                        + " anyway? Only do so for an update site you trust, such as one you built yourself.")) {
                    install(workbench, shell, launcher, repository, true);
                }
            } else {
                MessageDialog.openError(shell, TITLE, installed.output());
            }
        });
    }

    /** Runs the launcher in a Job; the outcome is shown on the UI thread while the window is open. */
    private static void run(Shell shell, InstallationLauncher launcher, String task, List<String> arguments,
            Consumer<InstallationLauncher.Outcome> then) {
        Job job = Job.create(task, monitor -> {
            InstallationLauncher.Outcome outcome;
            try {
                outcome = launcher.run(arguments);
            } catch (IOException e) {
                outcome = new InstallationLauncher.Outcome(1, "The launcher could not run (" + e.getMessage() + ").");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Status.CANCEL_STATUS;
            }
            InstallationLauncher.Outcome shown = outcome;
            if (!shell.isDisposed()) {
                shell.getDisplay().asyncExec(() -> {
                    if (!shell.isDisposed()) {
                        then.accept(shown);
                    }
                });
            }
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
    }

    static String invalidRepository(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            return "Enter the update site's address.";
        }
        if (value.startsWith("file:/") || value.startsWith("https://") || value.startsWith("http://")
                || value.startsWith("/")) {
            return null;
        }
        return "An address starts with https://, http:// or file:/, a folder's path with /.";
    }
}
