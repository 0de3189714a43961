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
}
