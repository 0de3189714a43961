package org.gallerist.client.core.thumbs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gallerist.api.client.ServerAddress;
import org.gallerist.api.image.Image;
import org.gallerist.client.core.ClientHome;
import org.gallerist.client.core.gallery.Images;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailCacheTest {
    @TempDir
    Path temp;

    @Test
    void keepsThumbnailsPerServerByIdAndContentHash() throws Exception {
        ClientHome home = new ClientHome(temp);
        ThumbnailCache local = ThumbnailCache.forServer(home, new ServerAddress("127.0.0.1", 2222));
        ThumbnailCache other = ThumbnailCache.forServer(home, new ServerAddress("example.org", 22));
        assertEquals(temp.resolve("thumbnails").resolve("127.0.0.1_2222"), local.folder());

        Image image = Images.image(7, "alice");
        assertTrue(local.read(image).isEmpty());
        local.write(image, new byte[] { 1, 2, 3 });
        assertArrayEquals(new byte[] { 1, 2, 3 }, local.read(image).orElseThrow());
        assertTrue(other.read(image).isEmpty(), "another server's image 7 is another image");

        Image replaced = new Image(7, image.name(), "", List.of(), image.price(), 1, "alice", image.visibility(), 1, 1,
                "png", 1, "ffff", image.created());
        assertTrue(local.read(replaced).isEmpty(), "new bytes, new thumbnail");
        try (var files = Files.list(local.folder())) {
            assertEquals(1, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void staysWithinItsBoundByDroppingTheLeastRecentlyUsed() throws Exception {
        ThumbnailCache cache = new ThumbnailCache(temp.resolve("bounded"), 10_000);
        List<Image> images = java.util.stream.IntStream.rangeClosed(1, 4).mapToObj(id -> Images.image(id, "alice"))
                .toList();
        for (Image image : images) {
            cache.write(image, new byte[3_000]);
            Files.setLastModifiedTime(cache.file(image), java.nio.file.attribute.FileTime.fromMillis(
                    1_000_000L * image.id())); // written in order, a second apart
        }
        assertEquals(9_000, cache.size(), "3 of 4 fit in 10,000 bytes: the oldest went when the 4th came");
        assertTrue(cache.read(images.get(0)).isEmpty(), "#1 was the least recently used");
        assertTrue(cache.read(images.get(1)).isPresent(), "reading #2 makes it the most recently used");

        cache.write(Images.image(5, "alice"), new byte[3_000]);
        assertTrue(cache.read(images.get(1)).isPresent(), "#2 stays: it was used a moment ago");
        assertTrue(cache.read(images.get(2)).isEmpty(), "#3 goes instead");
        assertTrue(cache.size() <= 9_000, "trimmed to 90% of the bound: " + cache.size());
    }

    @Test
    void anotherInstanceOnTheSameFolderCountsWhatIsThereAlready() throws Exception {
        ThumbnailCache first = new ThumbnailCache(temp.resolve("shared"), 1_000_000);
        first.write(Images.image(1, "alice"), new byte[1_234]);
        ThumbnailCache second = new ThumbnailCache(temp.resolve("shared"), 1_000_000);
        assertEquals(1_234, second.size());
    }
}
