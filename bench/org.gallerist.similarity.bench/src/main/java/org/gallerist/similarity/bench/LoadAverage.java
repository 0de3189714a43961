package org.gallerist.similarity.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The 1-minute load average while measuring: on a shared machine, other processes competing for the cores and the
 * memory bus change latencies more than anything in the code, so the numbers say what they were measured under.
 */
final class LoadAverage {

    private static final Path LINUX = Path.of("/proc/loadavg");

    private LoadAverage() {
    }

    static String oneMinute() {
        try {
            return Files.readString(LINUX).split(" ")[0];
        } catch (IOException | RuntimeException unavailable) {
            return "n/a";
        }
    }
}
