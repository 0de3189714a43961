package org.gallerist.tests.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Debian programs that make image fixtures at test time from pictures the test draws: ImageMagick's
 * {@code convert}, libheif's {@code heif-enc}, libwebp's {@code cwebp}, {@code exiftool} and libvips' {@code vips}.
 * Where {@code gallerist.requireTools} is true (CI, whose {@code .ci/run} installs them) a missing one fails the
 * test; elsewhere the test is skipped with the package to install.
 */
public final class FixtureTools {

    private static final long TIMEOUT_SECONDS = 60;

    private FixtureTools() {
    }

    /** Fails or skips (see the class comment) unless {@code program} is on the PATH. */
    public static void require(String program) {
        String message = program + " is not installed (Debian package " + debianPackage(program) + ")";
        if (Boolean.getBoolean("gallerist.requireTools")) {
            assertTrue(Processes.available(program), message + " but gallerist.requireTools=true");
        } else {
            assumeTrue(Processes.available(program), message);
        }
    }

    /** Runs {@code command} (its program {@link #require required} first); returns {@code output}, which it made. */
    public static Path make(Path output, String... command) throws Exception {
        require(command[0]);
        Processes.Result result = Processes.run(List.of(command), null, TIMEOUT_SECONDS);
        assertEquals(0, result.exitCode(), String.join(" ", command) + ": " + result.stderr());
        assertTrue(Files.size(output) > 0, String.join(" ", command) + " wrote " + output);
        return output;
    }

    /** Runs {@code command} (e.g. {@code exiftool} reading tags) and returns its standard output. */
    public static String output(String... command) throws Exception {
        require(command[0]);
        Processes.Result result = Processes.run(List.of(command), null, TIMEOUT_SECONDS);
        assertEquals(0, result.exitCode(), String.join(" ", command) + ": " + result.stderr());
        return result.stdout();
    }

    static String debianPackage(String program) {
        return switch (program) {
        case "convert" -> "imagemagick";
        case "heif-enc" -> "libheif-examples";
        case "cwebp" -> "webp";
        case "exiftool" -> "libimage-exiftool-perl";
        case "vips" -> "libvips-tools";
        default -> program;
        };
    }
}
