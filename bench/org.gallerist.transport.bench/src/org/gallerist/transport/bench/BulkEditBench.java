package org.gallerist.transport.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bulk edit of 500 selected images (new price and an added tag) as the client sends it: one {@code images update}
 * of 500 ids in one transaction, against the same edit as 500 requests of one id each (the reference), alternating in
 * the same run over one SSH session on loopback. Writes {@code bulk-edit.md} to target.
 */
class BulkEditBench {

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false);

    @Test
    void oneRequestAgainstOnePerImage() throws Exception {
        int count = Integer.getInteger("gallerist.bench.bulk.images", 500);
        int rounds = Integer.getInteger("gallerist.bench.bulk.rounds", 5);
        server.start();
        GalleristSession owner = server.signedUp("owner");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Image image = owner.images().add(new NewImage("Print " + i, "", List.of("print"), BigDecimal.ONE, 1,
                    Visibility.PUBLIC), BenchImages.png(10_000 + i));
            ids.add(image.id());
        }
        long[] bulk = new long[rounds];
        long[] single = new long[rounds];
        for (int round = -1; round < rounds; round++) { // round -1 warms up
            ImageChanges changes = new ImageChanges(null, null, null, new BigDecimal(2 + round + ".00"), null, null,
                    null, null, List.of("sale" + (round + 1)), null);
            long start = System.nanoTime();
            List<Image> changed = owner.images().update(ids, changes);
            long middle = System.nanoTime();
            for (long id : ids) {
                owner.images().update(id, changes);
            }
            long end = System.nanoTime();
            if (changed.size() != count || !changed.get(count - 1).tags().contains("sale" + (round + 1))) {
                throw new IllegalStateException("the bulk edit answered " + changed.size() + " images");
            }
            if (round >= 0) {
                bulk[round] = middle - start;
                single[round] = end - middle;
            }
        }
        Arrays.sort(bulk);
        Arrays.sort(single);
        String table = String.format(Locale.ROOT, "| %d images: new price + added tag, %d rounds | p50 ms | max ms |%n"
                + "|---|---:|---:|%n| one images update of %d ids (one transaction) | %.0f | %.0f |%n"
                + "| %d images update requests of one id (reference) | %.0f | %.0f |%n"
                + "| ratio of the p50s (one request / one per image) | %.2f× | |%n", count, rounds, count,
                bulk[rounds / 2] / 1e6, bulk[rounds - 1] / 1e6, count, single[rounds / 2] / 1e6,
                single[rounds - 1] / 1e6, (double) bulk[rounds / 2] / single[rounds / 2]);
        System.out.print(table);
        Path target = Path.of(System.getProperty("gallerist.test.output", "target"));
        Files.createDirectories(target);
        Files.writeString(target.resolve("bulk-edit.md"), table);
    }
}
