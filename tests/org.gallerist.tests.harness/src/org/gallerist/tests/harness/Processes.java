package org.gallerist.tests.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs external programs (stock OpenSSH) with a time limit, stopping only the process it started. */
public final class Processes {

    public record Result(int exitCode, String stdout, String stderr) {
    }

    private Processes() {
    }

    /** True if the program is on the PATH. */
    public static boolean available(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    public static Result run(List<String> command, String stdin, long timeoutSeconds) throws Exception {
        return run(command, stdin, timeoutSeconds, Map.of());
    }

    /** {@link #run(List, String, long)} with ENVIRONMENT added to this JVM's. */
    public static Result run(List<String> command, String stdin, long timeoutSeconds, Map<String, String> environment)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException closedEarly) {
            // the program may exit without reading its input; its exit code tells the story
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly); // e.g. the ssh of a `sh -c` pipeline
            process.destroyForcibly();
            throw new IllegalStateException("Timed out after " + timeoutSeconds + " s: " + command);
        }
        return new Result(process.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
    }

    /** Runs a POSIX shell script (for pipes and redirections, as a user would type them) in {@code dir}. */
    public static Result shell(String script, Path dir, long timeoutSeconds) throws Exception {
        return run(List.of("sh", "-c", "cd '" + dir + "' && " + script), null, timeoutSeconds);
    }

    private static String read(InputStream stream) {
        try (stream) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            stream.transferTo(buffer);
            return buffer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
