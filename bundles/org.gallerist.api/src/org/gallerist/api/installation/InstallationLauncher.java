package org.gallerist.api.installation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The launch script of the installation a product runs from, run for its {@code update} and {@code plugins} commands
 * (the server's console, the client's Help › Check for Updates): p2's director then changes the installation in a
 * framework of its own, never in the running one.
 */
public final class InstallationLauncher {

    /** The launcher's exit codes (gallerist-p2.sh): done (with --check: an update is available). */
    public static final int DONE = 0;
    /** Nothing to do: already up to date. */
    public static final int NOTHING_TO_DO = 3;
    /** Refused: the content is not signed by a trusted key (run again with {@code --allow-unsigned} to accept it). */
    public static final int UNSIGNED = 4;
    /** The launcher's option that accepts unsigned content. */
    public static final String ALLOW_UNSIGNED = "--allow-unsigned";
    private static final long TIMEOUT_MINUTES = 15;

    /** What the launcher said (standard output and error, in order) and its exit code. */
    public record Outcome(int exitCode, String output) {
    }

    private final Path script;

    private InstallationLauncher(Path script) {
        this.script = script;
    }

    /**
     * The launch script NAME in the framework's install area ({@code osgi.install.area}), if the product was started
     * from an installation.
     */
    public static Optional<InstallationLauncher> find(String installArea, String name) {
        if (installArea == null || installArea.isBlank()) {
            return Optional.empty();
        }
        try {
            Path script = Path.of(URI.create(installArea.replace(" ", "%20"))).resolve(name);
            return Files.isExecutable(script) ? Optional.of(new InstallationLauncher(script)) : Optional.empty();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Runs the launcher with ARGUMENTS, waiting (at most 15 minutes) until it exits. Its output then holds only what
     * happened: the advice for a command line (what to run next) is left out, the product gives its own.
     */
    public Outcome run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("GALLERIST_LAUNCHER_ADVICE", "off");
        Process process = builder.start();
        process.getOutputStream().close(); // it asks nothing
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> copy(process.getInputStream(), output));
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            reader.join(TimeUnit.SECONDS.toMillis(5));
            return new Outcome(1, "The update did not finish within " + TIMEOUT_MINUTES + " minutes and was stopped; p2"
                    + " commits only finished plans, so the installation is unchanged.");
        }
        reader.join(TimeUnit.SECONDS.toMillis(30));
        synchronized (output) {
            return new Outcome(process.exitValue(), output.toString(StandardCharsets.UTF_8).strip());
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int read; (read = in.read(buffer)) >= 0;) {
                synchronized (out) {
                    out.write(buffer, 0, read);
                }
            }
        } catch (IOException e) {
            synchronized (out) {
                out.writeBytes(("(output lost: " + e.getMessage() + ")").getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
