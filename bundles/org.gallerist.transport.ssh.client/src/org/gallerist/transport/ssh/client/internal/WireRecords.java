package org.gallerist.transport.ssh.client.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.TagCount;
import org.gallerist.api.image.Upload;
import org.gallerist.api.image.Visibility;
import org.gallerist.api.order.Order;
import org.gallerist.api.order.OrderLine;
import org.gallerist.api.similarity.SimilarImage;
import org.gallerist.api.similarity.SimilarityService;

/** Maps the server's image, tag and order JSON onto the api records. */
final class WireRecords {

    private WireRecords() {
    }

    static Image image(Map<String, Object> json) {
        List<String> tags = new ArrayList<>();
        if (json.get("tags") instanceof List<?> list) {
            list.forEach(tag -> tags.add(String.valueOf(tag)));
        }
        return new Image(number(json, "id"), string(json, "name"), optional(json, "description"), tags,
                decimal(json, "price"), (int) number(json, "quantity"), string(json, "owner"),
                Visibility.valueOf(string(json, "visibility").toUpperCase(Locale.ROOT)), (int) number(json, "width"),
                (int) number(json, "height"), string(json, "format"), number(json, "bytes"), string(json, "sha256"),
                instant(json, "created"));
    }

    /** An {@code images add} answer: the image, {@code near_duplicates} and {@code suggested_tags}. */
    static Upload upload(Map<String, Object> json) {
        List<Upload.NearDuplicate> near = new ArrayList<>();
        if (json.get("near_duplicates") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> raw) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> duplicate = (Map<String, Object>) raw;
                    near.add(new Upload.NearDuplicate(number(duplicate, "id"), optional(duplicate, "name"),
                            score(duplicate)));
                }
            }
        }
        List<String> suggested = new ArrayList<>();
        if (json.get("suggested_tags") instanceof List<?> list) {
            list.forEach(tag -> suggested.add(String.valueOf(tag)));
        }
        return new Upload(image(json), near, suggested);
    }

    static SimilarImage similar(Map<String, Object> json) {
        return new SimilarImage(image(json), score(json));
    }

    static SimilarityService.Status status(Map<String, Object> json) {
        return new SimilarityService.Status(string(json, "embedder"), (int) number(json, "dimension"),
                number(json, "indexed"), number(json, "images"), Boolean.TRUE.equals(json.get("reindexing")));
    }

    private static double score(Map<String, Object> json) {
        if (json.get("score") instanceof Number score) {
            return score.doubleValue();
        }
        throw missing("score");
    }

    static TagCount tag(Map<String, Object> json) {
        return new TagCount(string(json, "tag"), number(json, "count"));
    }

    static Order order(Map<String, Object> json) {
        List<OrderLine> lines = new ArrayList<>();
        if (json.get("lines") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> raw) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> line = (Map<String, Object>) raw;
                    lines.add(new OrderLine(number(line, "image"), string(line, "name"), string(line, "seller"),
                            (int) number(line, "quantity"), decimal(line, "unit_price")));
                }
            }
        }
        return new Order(number(json, "id"), string(json, "buyer"), instant(json, "placed"), lines);
    }

    private static String string(Map<String, Object> json, String field) {
        if (json.get(field) instanceof String value) {
            return value;
        }
        throw missing(field);
    }

    private static String optional(Map<String, Object> json, String field) {
        return json.get(field) instanceof String value ? value : "";
    }

    private static long number(Map<String, Object> json, String field) {
        if (json.get(field) instanceof Number value) {
            return value.longValue();
        }
        throw missing(field);
    }

    private static BigDecimal decimal(Map<String, Object> json, String field) {
        try {
            return new BigDecimal(string(json, field));
        } catch (NumberFormatException e) {
            throw missing(field);
        }
    }

    private static Instant instant(Map<String, Object> json, String field) {
        try {
            return Instant.parse(string(json, field));
        } catch (DateTimeParseException e) {
            throw missing(field);
        }
    }

    private static GalleristException missing(String field) {
        return new GalleristException(ErrorCode.INTERNAL, "The server's answer has no valid '" + field + "'.");
    }
}
