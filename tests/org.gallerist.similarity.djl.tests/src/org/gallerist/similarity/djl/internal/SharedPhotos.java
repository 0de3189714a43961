package org.gallerist.similarity.djl.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.gallerist.tests.harness.SharedModel;

/** The shared photos, decoded, by file name. */
final class SharedPhotos {

    private SharedPhotos() {
    }

    static Map<String, BufferedImage> all() throws IOException {
        Map<String, BufferedImage> photos = new TreeMap<>();
        try (Stream<Path> files = Files.list(SharedModel.photos())) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.(png|jpg|jpeg)$")).toList()) {
                photos.put(file.getFileName().toString(), ImageIO.read(file.toFile()));
            }
        }
        return photos;
    }

    static OnnxSettings settings(Path model, int batchSize) {
        return new OnnxSettings(model, "features", 224, Preprocessing.CAFFE_BGR_MEAN,
                java.util.Optional.of(SharedModel.labels()), "probs", 0.2, batchSize, "SqueezeNet 1.1 (test)", "");
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
