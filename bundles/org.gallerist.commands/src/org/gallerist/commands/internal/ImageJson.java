package org.gallerist.commands.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gallerist.api.image.Image;

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
}
