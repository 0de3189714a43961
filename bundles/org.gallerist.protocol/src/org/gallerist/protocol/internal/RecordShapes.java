package org.gallerist.protocol.internal;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageDetails;
import org.gallerist.api.image.Upload;
import org.gallerist.api.order.Order;
import org.gallerist.api.order.OrderLine;
import org.gallerist.api.similarity.SimilarImage;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonDeserializationContext;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonSerializationContext;
import com.google.gson.JsonSerializer;
import com.google.gson.reflect.TypeToken;

/**
 * Api records whose wire shape is not their field list: an upload, a search hit and an image's details are the
 * image's fields plus what the server noticed (flat, so {@code jq .name} works on every image line), and orders carry their totals.
 */
final class RecordShapes {

    private static final Type NEAR_DUPLICATES = new TypeToken<List<Upload.NearDuplicate>>() {
    }.getType();
    private static final Type STRINGS = new TypeToken<List<String>>() {
    }.getType();
    private static final Type ORDER_LINES = new TypeToken<List<OrderLine>>() {
    }.getType();

    private RecordShapes() {
    }

    static void register(GsonBuilder builder) {
        builder.registerTypeAdapter(Upload.class, new Uploads());
        builder.registerTypeAdapter(SimilarImage.class, new Hits());
        builder.registerTypeAdapter(ImageDetails.class, new Details());
        builder.registerTypeAdapter(Order.class, new Orders());
        builder.registerTypeAdapter(OrderLine.class, new Lines());
    }

    private static final class Uploads implements JsonSerializer<Upload>, JsonDeserializer<Upload> {
        @Override
        public JsonElement serialize(Upload upload, Type type, JsonSerializationContext context) {
            JsonObject json = context.serialize(upload.image()).getAsJsonObject();
            json.add("near_duplicates", context.serialize(upload.nearDuplicates().stream()
                    .map(near -> new Upload.NearDuplicate(near.id(), near.name(), rounded(near.score()))).toList(),
                    NEAR_DUPLICATES));
            json.add("suggested_tags", context.serialize(upload.suggestedTags(), STRINGS));
            return json;
        }

        @Override
        public Upload deserialize(JsonElement json, Type type, JsonDeserializationContext context) {
            JsonObject object = json.getAsJsonObject();
            Image image = context.deserialize(object, Image.class);
            List<Upload.NearDuplicate> near = object.has("near_duplicates")
                    ? context.deserialize(object.get("near_duplicates"), NEAR_DUPLICATES) : List.of();
            List<String> suggested = object.has("suggested_tags")
                    ? context.deserialize(object.get("suggested_tags"), STRINGS) : List.of();
            return new Upload(image, near, suggested);
        }
    }

    private static final class Details implements JsonSerializer<ImageDetails>, JsonDeserializer<ImageDetails> {
        @Override
        public JsonElement serialize(ImageDetails details, Type type, JsonSerializationContext context) {
            JsonObject json = context.serialize(details.image()).getAsJsonObject();
            json.add("seen_by_model", context.serialize(details.seenByModel(), STRINGS));
            return json;
        }

        @Override
        public ImageDetails deserialize(JsonElement json, Type type, JsonDeserializationContext context) {
            JsonObject object = json.getAsJsonObject();
            List<String> seen = object.has("seen_by_model")
                    ? context.deserialize(object.get("seen_by_model"), STRINGS) : List.of();
            return new ImageDetails(context.deserialize(object, Image.class), seen);
        }
    }

    private static final class Hits implements JsonSerializer<SimilarImage>, JsonDeserializer<SimilarImage> {
        @Override
        public JsonElement serialize(SimilarImage hit, Type type, JsonSerializationContext context) {
            JsonObject json = context.serialize(hit.image()).getAsJsonObject();
            json.addProperty("score", rounded(hit.score()));
            return json;
        }

        @Override
        public SimilarImage deserialize(JsonElement json, Type type, JsonDeserializationContext context) {
            JsonObject object = json.getAsJsonObject();
            return new SimilarImage(context.deserialize(object, Image.class), required(object, "score").getAsDouble());
        }
    }

    private static final class Orders implements JsonSerializer<Order>, JsonDeserializer<Order> {
        @Override
        public JsonElement serialize(Order order, Type type, JsonSerializationContext context) {
            JsonObject json = new JsonObject();
            json.addProperty("id", order.id());
            json.addProperty("buyer", order.buyer());
            json.add("placed", context.serialize(order.placed()));
            json.add("lines", context.serialize(order.lines(), ORDER_LINES));
            json.add("total", context.serialize(order.total()));
            return json;
        }

        @Override
        public Order deserialize(JsonElement json, Type type, JsonDeserializationContext context) {
            JsonObject object = json.getAsJsonObject();
            List<OrderLine> lines = object.has("lines") ? context.deserialize(object.get("lines"), ORDER_LINES)
                    : new ArrayList<>();
            return new Order(required(object, "id").getAsLong(), required(object, "buyer").getAsString(),
                    context.deserialize(required(object, "placed"), Instant.class), lines);
        }
    }

    private static final class Lines implements JsonSerializer<OrderLine>, JsonDeserializer<OrderLine> {
        @Override
        public JsonElement serialize(OrderLine line, Type type, JsonSerializationContext context) {
            JsonObject json = new JsonObject();
            json.addProperty("image", line.image());
            json.addProperty("name", line.name());
            json.addProperty("seller", line.seller());
            json.addProperty("quantity", line.quantity());
            json.add("unit_price", context.serialize(line.unitPrice()));
            json.add("total", context.serialize(line.total()));
            return json;
        }

        @Override
        public OrderLine deserialize(JsonElement json, Type type, JsonDeserializationContext context) {
            JsonObject object = json.getAsJsonObject();
            return new OrderLine(required(object, "image").getAsLong(), required(object, "name").getAsString(),
                    required(object, "seller").getAsString(), required(object, "quantity").getAsInt(),
                    context.deserialize(required(object, "unit_price"), BigDecimal.class));
        }
    }

    private static JsonElement required(JsonObject object, String field) {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            throw new JsonParseException("no '" + field + "'");
        }
        return value;
    }

    /** Four places are plenty to rank by and keep the lines short. */
    private static double rounded(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }
}
