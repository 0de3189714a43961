package org.gallerist.similarity.djl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ModelLabelsTest {

    @Test
    void labelsBecomeTagsFromTheirFirstName() throws Exception {
        Path file = Files.createTempFile("labels", ".txt");
        try {
            Files.writeString(file, """
                    0,tench, Tinca tinca
                    1,Persian cat
                    2,jack-o'-lantern
                    3,T-shirt, tee shirt
                    5,a label that goes on far longer than forty characters do
                    """);
            ModelLabels labels = ModelLabels.read(file);
            assertEquals("tench", labels.tag(0));
            assertEquals("persian cat", labels.tag(1));
            assertEquals("jack-o-lantern", labels.tag(2));
            assertEquals("t-shirt", labels.tag(3));
            assertEquals("", labels.tag(4));
            assertEquals("a label that goes on far longer than for", labels.tag(5));
            assertEquals("", labels.tag(1000));
        } finally {
            Files.delete(file);
        }
    }
}
