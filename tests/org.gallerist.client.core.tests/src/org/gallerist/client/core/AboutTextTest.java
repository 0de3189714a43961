package org.gallerist.client.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.gallerist.api.similarity.SimilarityService;
import org.junit.jupiter.api.Test;

class AboutTextTest {

    @Test
    void namesTheServersModelItsProgressAndItsCredits() {
        String text = AboutText.of("0.1.0", Optional.of(new SimilarityService.Status("onnx:squeezenet@293c68c3", 512,
                3, 5, true, "SqueezeNet 1.1 (ImageNet), built in", "SqueezeNet 1.1 by DeepScale (BSD-2-Clause)")));
        assertTrue(text.startsWith("Gallerist desktop client 0.1.0\n"), text);
        assertTrue(text.contains("Image model of the server: SqueezeNet 1.1 (ImageNet), built in"), text);
        assertTrue(text.contains("Indexed: 3 of 5 images, re-indexing in the background"), text);
        assertTrue(text.contains("DeepScale (BSD-2-Clause)."), text);
    }

    @Test
    void saysWhenThereIsNothingToCredit() {
        assertTrue(AboutText.of("0.1.0", Optional.empty()).contains("Not connected"));
        String none = AboutText.of("0.1.0", Optional.of(new SimilarityService.Status("none", 0, 0, 2, false)));
        assertTrue(none.contains("runs no image search"), none);
    }
}
