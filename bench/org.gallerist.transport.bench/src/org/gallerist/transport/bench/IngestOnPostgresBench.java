package org.gallerist.transport.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gallerist.api.client.GalleristSession;
import org.gallerist.tests.harness.Await;
import org.gallerist.tests.harness.Folders;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.PostgresEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code images import} of the same tar with the rows in the embedded Derby and in a PostgreSQL 15 on this machine
 * (a cluster of its own with fsync on, so that its commits wait for the disk as Derby's do), alternating three times,
 * each on a fresh data folder and database. Writes {@code ingest-postgres.md}.
 */
class IngestOnPostgresBench {

    private static final int ROUNDS = 3;

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh();

    @Test
    void importOnPostgresqlBesideTheEmbeddedDatabase() throws Exception {
        int count = Integer.getInteger("gallerist.bench.images", 300);
        Path folder = Files.createDirectories(server.folder().resolve("photos"));
        List<Path> photos = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            photos.add(Files.write(folder.resolve("photo-" + i + ".jpg"), BenchImages.photoJpeg(i, 1024, 768)));
        }
        Path tar = IngestBench.tar(server.folder().resolve("photos.tar"), photos);
        List<Double> derby = new ArrayList<>();
        List<Double> onPostgres = new ArrayList<>();
        try (PostgresEngine durable = PostgresEngine.start(true)) {
            for (int round = 0; round < ROUNDS; round++) {
                derby.add(importOnce(Map.of("database", ""), tar, count, "derby" + round));
                String url = durable.createDatabase("ingest_" + round) + "?user=" + PostgresEngine.USER
                        + "&password=" + PostgresEngine.PASSWORD.replace(" ", "%20");
                onPostgres.add(importOnce(Map.of("database", url), tar, count, "postgres" + round));
            }
        }
        double derbyMedian = median(derby);
        double postgresMedian = median(onPostgres);
        String table = String.format(Locale.ROOT, """
                | %d distinct 1024×768 JPEGs, built-in CNN, images import (default workers) | images/s (runs) | median | / embedded |
                |---|---|---:|---:|
                | rows in the embedded Derby | %s | %.1f | 1.00 |
                | rows in PostgreSQL 15 (loopback, fsync on) | %s | %.1f | %.2f |
                """, count, runs(derby), derbyMedian, runs(onPostgres), postgresMedian, postgresMedian / derbyMedian);
        System.out.print(table);
        Path target = Path.of(System.getProperty("gallerist.test.output", "target"));
        Files.createDirectories(target);
        Files.writeString(target.resolve("ingest-postgres.md"), table);
    }

    private double importOnce(Map<String, Object> settings, Path tar, int count, String user) throws Exception {
        server.startWith(settings);
        GalleristSession session = server.signedUp(user);
        Await.until(Duration.ofSeconds(60), "the built-in model", () -> session.images().similarityStatus()
                .embedder().startsWith("onnx"));
        double rate = IngestBench.imported(session, tar, count);
        server.stop();
        Folders.deleteTree(server.dataDir()); // the next round writes every file again, as this one did
        return rate;
    }

    private static String runs(List<Double> values) {
        return String.join(" / ", values.stream().map(value -> String.format(Locale.ROOT, "%.1f", value)).toList());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
