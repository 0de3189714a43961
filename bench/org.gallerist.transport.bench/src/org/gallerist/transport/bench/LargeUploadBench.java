package org.gallerist.transport.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.tests.harness.Await;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.HeifGrids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One large upload at a time, end to end: {@code images add} over SSH through our client until the server's
 * answer (stored, committed, embedded by the built-in CNN), for distinct 24-megapixel JPEGs, 24-megapixel HEICs (made
 * from them by libheif's {@code heif-enc}, as one picture and in 512×512 tiles as phones write them) and lossless
 * WebPs of 1352×900 (made by ImageMagick's {@code convert}). The floor for the HEICs, in the same run: libvips'
 * command line decoding each once into a 1024-pixel thumbnail. Writes {@code large-uploads.md} to target.
 */
class LargeUploadBench {

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh();

    @Test
    void largeUploadsEndToEnd() throws Exception {
        int rounds = Integer.getInteger("gallerist.bench.large", 7);
        server.start();
        GalleristSession alice = server.signedUp("alice");
        Await.until(Duration.ofSeconds(60), "the built-in model", () -> alice.images().similarityStatus()
                .embedder().startsWith("onnx"));
        List<byte[]> jpegs = new ArrayList<>();
        List<byte[]> webps = new ArrayList<>();
        List<byte[]> heics = new ArrayList<>();
        List<byte[]> tiledHeics = new ArrayList<>();
        for (int i = 0; i < rounds + 1; i++) {
            jpegs.add(BenchImages.photoJpeg(1000 + i, 6000, 4000));
            webps.add(losslessWebP(BenchImages.photoJpeg(2000 + i, 1352, 900)));
            heics.add(heic(BenchImages.photoJpeg(3000 + i, 6000, 4000)));
            tiledHeics.add(HeifGrids.heic(server.folder(), BenchImages.photoJpeg(4000 + i, 6000, 4000), 6000, 4000,
                    HeifGrids.PHONE_TILE, 50));
        }
        String table = "| one upload, end to end (images add until the answer) | p50 ms | max ms |\n|---|---:|---:|\n"
                + row(alice, "24 MP JPEG (6000×4000, " + jpegs.get(0).length / 1024 + " kB)", jpegs)
                + row(alice, "24 MP HEIC (6000×4000, " + heics.get(0).length / 1024 + " kB)", heics)
                + row(alice, "24 MP HEIC in 512×512 tiles, as phones write it (" + tiledHeics.get(0).length / 1024
                        + " kB)", tiledHeics)
                + floorRow("floor: `vips thumbnail` of the 24 MP HEIC", heics)
                + floorRow("floor: `vips thumbnail` of the tiled 24 MP HEIC", tiledHeics)
                + row(alice, "lossless WebP 1352×900 (" + webps.get(0).length / 1024 + " kB)", webps);
        System.out.println("Large uploads (" + Runtime.getRuntime().availableProcessors() + " cores, "
                + Runtime.version() + ")");
        System.out.print(table);
        Path target = Path.of(System.getProperty("gallerist.test.output", "target"));
        Files.createDirectories(target);
        Files.writeString(target.resolve("large-uploads.md"), table);
    }

    private static String row(GalleristSession session, String label, List<byte[]> images) throws Exception {
        return timed(label, images.size(), i -> session.images().add(new NewImage(label + " " + i, "", List.of(),
                BigDecimal.ONE, 1, Visibility.PUBLIC), images.get(i)));
    }

    private String floorRow(String label, List<byte[]> images) throws Exception {
        List<Path> files = new ArrayList<>();
        for (byte[] image : images) {
            files.add(Files.write(Files.createTempFile(server.folder(), "floor", ".heic"), image));
        }
        return timed(label, files.size(), i -> made(files.get(i), ".jpg",
                "libvips' command line (apt install libvips-tools)", "vips", "thumbnail", "IN", "OUT", "1024"));
    }

    private interface Round {
        void run(int index) throws Exception;
    }

    /** The first round warms up and is not counted. */
    private static String timed(String label, int rounds, Round round) throws Exception {
        long[] millis = new long[rounds - 1];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            round.run(i);
            if (i > 0) {
                millis[i - 1] = (System.nanoTime() - start) / 1_000_000;
            }
        }
        Arrays.sort(millis);
        return String.format(Locale.ROOT, "| %s, %d rounds | %d | %d |%n", label, millis.length,
                millis[millis.length / 2], millis[millis.length - 1]);
    }

    private byte[] losslessWebP(byte[] jpeg) throws Exception {
        return made(jpeg, ".webp", "ImageMagick's convert (apt install imagemagick)", "convert", "IN", "-define",
                "webp:lossless=true", "OUT");
    }

    /** As a phone writes it: HEVC at libheif's default quality ({@code heif-enc}, Debian libheif-examples). */
    private byte[] heic(byte[] jpeg) throws Exception {
        return made(jpeg, ".heic", "libheif's heif-enc (apt install libheif-examples)", "heif-enc", "-q", "50", "-o",
                "OUT", "IN");
    }

    private byte[] made(byte[] jpeg, String extension, String tool, String... command) throws Exception {
        return made(Files.write(Files.createTempFile(server.folder(), "source", ".jpg"), jpeg), extension, tool,
                command);
    }

    private byte[] made(Path in, String extension, String tool, String... command) throws Exception {
        Path out = in.resolveSibling(in.getFileName() + extension);
        List<String> words = Arrays.stream(command).map(word -> word.equals("IN") ? in.toString()
                : word.equals("OUT") ? out.toString() : word).toList();
        Process process = new ProcessBuilder(words).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(tool + " is needed for the " + extension + " files");
        }
        return Files.readAllBytes(out);
    }
}
