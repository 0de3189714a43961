package org.gallerist.transport.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.ImageSize;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the copy without personal metadata costs: the original of a 24-megapixel JPEG fetched by its owner (the
 * stored bytes as they are: the floor) and by someone else (planned on a first read, filtered on a second),
 * alternating in the same run, over one SSH session each. Writes {@code shared-originals.md} to target.
 */
class SharedOriginalBench {

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false);

    @Test
    void ownerAgainstStranger() throws Exception {
        int rounds = Integer.getInteger("gallerist.bench.shared", 15);
        server.start();
        GalleristSession owner = server.signedUp("owner");
        GalleristSession stranger = server.signedUp("stranger");
        byte[] jpeg = BenchImages.photoJpeg(4242, 6000, 4000);
        long id = owner.images().add(new NewImage("Large", "", List.of(), BigDecimal.ONE, 1, Visibility.PUBLIC,
                false, null, true),
                jpeg).id();
        long[] owners = new long[rounds];
        long[] others = new long[rounds];
        int copied = 0;
        for (int i = -1; i < rounds; i++) { // round -1 warms up
            long start = System.nanoTime();
            int own = owner.images().content(id, ImageSize.ORIGINAL).length;
            long middle = System.nanoTime();
            copied = stranger.images().content(id, ImageSize.ORIGINAL).length;
            long end = System.nanoTime();
            if (i >= 0) {
                owners[i] = (middle - start) / 1000;
                others[i] = (end - middle) / 1000;
            }
            if (own != jpeg.length) {
                throw new IllegalStateException("the owner got " + own + " bytes of " + jpeg.length);
            }
        }
        Arrays.sort(owners);
        Arrays.sort(others);
        String table = String.format(Locale.ROOT, "| images get ID, 24 MP JPEG (%d kB), %d rounds | p50 ms | max ms |%n"
                + "|---|---:|---:|%n| owner: the stored bytes (floor) | %.1f | %.1f |%n"
                + "| someone else: the copy without personal metadata (%d kB) | %.1f | %.1f |%n"
                + "| ratio of the p50s | %.2f× | |%n", jpeg.length / 1024, rounds, owners[rounds / 2] / 1000.0,
                owners[rounds - 1] / 1000.0, copied / 1024, others[rounds / 2] / 1000.0, others[rounds - 1] / 1000.0,
                (double) others[rounds / 2] / owners[rounds / 2]);
        System.out.print(table);
        Path target = Path.of(System.getProperty("gallerist.test.output", "target"));
        Files.createDirectories(target);
        Files.writeString(target.resolve("shared-originals.md"), table);
    }
}
