package org.gallerist.commands.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gallerist.api.image.Image;
import org.gallerist.api.image.Upload;
import org.gallerist.api.similarity.SimilarImage;

/** The wire form of an image: the fields the issue promises, price as a two-place decimal string. */
final class ImageJson {

    private ImageJson() {
    }

    static Map<String, Object> of(Image image) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", image.id());
        json.put("name", image.name());
        json.put("description", image.description());
        json.put("tags", image.tags());
        json.put("price", image.price().setScale(2).toPlainString());
        json.put("quantity", image.quantity());
        json.put("owner", image.owner());
        json.put("visibility", image.visibility().wireName());
        json.put("width", image.width());
        json.put("height", image.height());
        json.put("format", image.format());
        json.put("bytes", image.bytes());
        json.put("sha256", image.sha256());
        json.put("created", image.created().toString());
        return json;
    }

    /** The stored image plus what the server noticed: {@code near_duplicates} and {@code suggested_tags}. */
    static Map<String, Object> of(Upload upload) {
        Map<String, Object> json = of(upload.image());
        json.put("near_duplicates", upload.nearDuplicates().stream()
                .map(near -> Map.of("id", near.id(), "name", near.name(), "score", score(near.score()))).toList());
        json.put("suggested_tags", upload.suggestedTags());
        return json;
    }

    /** A search hit: the image and its {@code score}. */
    static Map<String, Object> of(SimilarImage hit) {
        Map<String, Object> json = of(hit.image());
        json.put("score", score(hit.score()));
        return json;
    }

    /** Four places are plenty to rank by and keep the lines short. */
    private static double score(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }
}
