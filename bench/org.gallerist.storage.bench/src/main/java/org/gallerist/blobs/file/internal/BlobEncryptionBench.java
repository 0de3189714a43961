package org.gallerist.blobs.file.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.gallerist.spi.storage.BlobStore.Staged;

/**
 * Stores and reads back the same files through {@link FileBlobStore} the way uploads and downloads use it (stage,
 * commit: fsync and rename; open and read to the end), once plain and once encrypted in each round, the two sides
 * alternating so that load from elsewhere falls on both alike, after a warm-up round of each that is not counted (the
 * JIT compiles AES-GCM's intrinsics only after some hundred megabytes). Meant to run with a small heap (64 MB): the
 * 200 MB file cannot fit, so finishing at all shows that memory does not grow with the file, and the peak heap in use
 * while it is stored, sampled, is printed for both sides.
 * <p>
 * Arguments: a folder on disk for the data folders, the number of rounds, a file for the Markdown table.
 */
public final class BlobEncryptionBench {

    private static final int MB = 1024 * 1024;
    private static final int SMALL_FILES = 20;
    private static final int SMALL_BYTES = 8 * MB;
    private static final long LARGE_BYTES = 200L * MB;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    /** Seconds spent per side and phase, summed over the rounds. */
    private final double[][] seconds = new double[2][4];
    private final long[] peakHeap = new long[2];
    private final byte[] pattern = new byte[SMALL_BYTES];
    private final Path work;

    private BlobEncryptionBench(Path work) {
        this.work = work;
        new SplittableRandom(20261203L).nextBytes(pattern);
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        BlobEncryptionBench bench = new BlobEncryptionBench(work);
        System.out.println("warm-up (not counted): plain, then encrypted...");
        bench.round(false, 0);
        bench.round(true, 0);
        bench.reset();
        for (int round = 1; round <= rounds; round++) {
            for (int side = 0; side < 2; side++) {
                int actual = (round % 2 == 0) ? 1 - side : side; // plain first in odd rounds, encrypted first in even
                System.out.printf(Locale.ROOT, "round %d: %s...%n", round, actual == 1 ? "encrypted" : "plain");
                bench.round(actual == 1, round);
            }
        }
        String report = bench.report(rounds);
        System.out.println(report);
        Path out = Path.of(args[2]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.println("Written to " + out);
    }

    private void reset() {
        for (double[] side : seconds) {
            java.util.Arrays.fill(side, 0);
        }
        java.util.Arrays.fill(peakHeap, 0);
    }

    private void round(boolean encrypt, int round) throws Exception {
        int side = encrypt ? 1 : 0;
        Path data = work.resolve((encrypt ? "encrypted-" : "plain-") + round);
        deleteTree(data);
        Files.createDirectories(data);
        FileBlobStore store = new FileBlobStore(data, encrypt);
        try {
            List<String> keys = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < SMALL_FILES; i++) {
                keys.add(store(store, new PatternStream(pattern, SMALL_BYTES, round * 1000L + i)));
            }
            seconds[side][0] += since(start);
            start = System.nanoTime();
            for (String key : keys) {
                readAll(store, key, SMALL_BYTES);
            }
            seconds[side][1] += since(start);

            HeapSampler sampler = new HeapSampler();
            start = System.nanoTime();
            String large = store(store, new PatternStream(pattern, LARGE_BYTES, round * 1000L + 999));
            seconds[side][2] += since(start);
            peakHeap[side] = Math.max(peakHeap[side], sampler.stop());
            start = System.nanoTime();
            readAll(store, large, LARGE_BYTES);
            seconds[side][3] += since(start);
        } finally {
            store.deactivate();
            deleteTree(data);
        }
    }

    private static String store(FileBlobStore store, InputStream content) throws IOException {
        try (Staged staged = store.stage(content, Long.MAX_VALUE)) {
            return staged.commit();
        }
    }

    private static void readAll(FileBlobStore store, String key, long expected) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = store.open(key)) {
            for (int read; (read = in.read(buffer)) != -1;) {
                total += read;
            }
        }
        if (total != expected) {
            throw new IllegalStateException("read " + total + " of " + expected + " bytes of " + key);
        }
    }

    private String report(int rounds) {
        double small = (double) SMALL_FILES * SMALL_BYTES * rounds / MB;
        double large = (double) LARGE_BYTES * rounds / MB;
        double[] volume = { small, small, large, large };
        String[] phases = { "store 20 × 8 MB", "read 20 × 8 MB", "store 1 × 200 MB", "read 1 × 200 MB" };
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "JVM: %s %s, %d processors, max heap %d MB; %d rounds%n%n",
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / MB, rounds));
        table.append("| phase | plain (MB/s) | encrypted (MB/s) | encrypted / plain |\n|---|---:|---:|---:|\n");
        double plainTotal = 0;
        double encryptedTotal = 0;
        for (int phase = 0; phase < 4; phase++) {
            double plain = volume[phase] / seconds[0][phase];
            double encrypted = volume[phase] / seconds[1][phase];
            plainTotal += seconds[0][phase];
            encryptedTotal += seconds[1][phase];
            table.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.2f |%n", phases[phase], plain, encrypted,
                    encrypted / plain));
        }
        double all = 2 * (small + large);
        table.append(String.format(Locale.ROOT, "| all of it, store and read | %.0f | %.0f | %.2f |%n",
                all / plainTotal, all / encryptedTotal, plainTotal / encryptedTotal));
        table.append(String.format(Locale.ROOT, "%nPeak heap in use while storing the 200 MB file (sampled every"
                + " 2 ms): plain %.1f MB, encrypted %.1f MB, of a %d MB heap.%n", peakHeap[0] / (double) MB,
                peakHeap[1] / (double) MB, Runtime.getRuntime().maxMemory() / MB));
        return table.toString();
    }

    private static double since(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void deleteTree(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** {@code size} bytes of the pattern repeated, each 8 MB stamped with a counter so every file hashes apart. */
    private static final class PatternStream extends InputStream {
        private final byte[] pattern;
        private final long size;
        private final long seed;
        private long position;

        PatternStream(byte[] pattern, long size, long seed) {
            this.pattern = pattern;
            this.size = size;
            this.seed = seed;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == size) {
                return -1;
            }
            int at = (int) (position % pattern.length);
            int n = (int) Math.min(Math.min(length, pattern.length - at), size - position);
            System.arraycopy(pattern, at, buffer, offset, n);
            if (at < 16) {
                long stamp = seed * 1_000_003L + position / pattern.length;
                for (int i = at; i < Math.min(16, at + n); i++) {
                    buffer[offset + i - at] ^= (byte) (stamp >>> (8 * (i % 8)));
                }
            }
            position += n;
            return n;
        }
    }

    /** The highest heap in use seen by a thread that looks every 2 ms. */
    private static final class HeapSampler {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;

        HeapSampler() {
            thread = new Thread(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        long stop() throws InterruptedException {
            running.set(false);
            thread.join();
            return peak.get();
        }
    }
}
