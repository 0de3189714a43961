package org.gallerist.protocol.internal;

import java.io.IOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageDetails;
import org.gallerist.api.image.PhotoFacts;
import org.gallerist.api.image.Upload;
import org.gallerist.api.order.Order;
import org.gallerist.api.order.OrderLine;
import org.gallerist.api.similarity.SimilarImage;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonDeserializationContext;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonSerializationContext;
import com.google.gson.JsonSerializer;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

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
        builder.registerTypeAdapterFactory(new Totalled<>(Order.class, Order::total, RecordShapes::order));
        builder.registerTypeAdapterFactory(new Totalled<>(OrderLine.class, OrderLine::total, RecordShapes::line));
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
            if (!details.photo().isEmpty()) {
                json.add("photo", context.serialize(details.photo()));
                json.addProperty("camera_shared", details.cameraShared());
            }
            json.addProperty("free_download", details.freeDownload());
            json.addProperty("original_allowed", details.originalAllowed());
            return json;
        }

        @Override
        public ImageDetails deserialize(JsonElement json, Type type, JsonDeserializationContext context) {
            JsonObject object = json.getAsJsonObject();
            List<String> seen = object.has("seen_by_model")
                    ? context.deserialize(object.get("seen_by_model"), STRINGS) : List.of();
            PhotoFacts photo = object.has("photo") ? context.deserialize(object.get("photo"), PhotoFacts.class)
                    : PhotoFacts.NONE;
            boolean shared = object.has("camera_shared") && object.get("camera_shared").getAsBoolean();
            return new ImageDetails(context.deserialize(object, Image.class), seen, photo, shared,
                    flag(object, "free_download"), flag(object, "original_allowed"));
        }

        private static boolean flag(JsonObject object, String name) {
            return object.has(name) && object.get(name).getAsBoolean();
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

    /**
     * Orders and their lines go out as their record components plus the computed {@code total}; coming in, the
     * total is left to the record and every component but an order's lines must be there.
     */
    private static final class Totalled<T> implements TypeAdapterFactory {
        private final Class<T> record;
        private final Function<T, BigDecimal> total;
        private final BiFunction<JsonObject, Gson, T> reader;

        Totalled(Class<T> record, Function<T, BigDecimal> total, BiFunction<JsonObject, Gson, T> reader) {
            this.record = record;
            this.total = total;
            this.reader = reader;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> TypeAdapter<R> create(Gson gson, TypeToken<R> type) {
            if (type.getRawType() != record) {
                return null;
            }
            TypeAdapter<T> components = gson.getDelegateAdapter(this, TypeToken.get(record));
            TypeAdapter<JsonElement> elements = gson.getAdapter(JsonElement.class);
            return (TypeAdapter<R>) new TypeAdapter<T>() {
                @Override
                public void write(JsonWriter out, T value) throws IOException {
                    if (value == null) {
                        out.nullValue();
                        return;
                    }
                    JsonObject json = components.toJsonTree(value).getAsJsonObject();
                    json.add("total", gson.toJsonTree(total.apply(value), BigDecimal.class));
                    elements.write(out, json);
                }

                @Override
                public T read(JsonReader in) throws IOException {
                    JsonElement json = elements.read(in);
                    return json == null || json.isJsonNull() ? null : reader.apply(json.getAsJsonObject(), gson);
                }
            };
        }
    }

    private static Order order(JsonObject object, Gson gson) {
        List<OrderLine> lines = object.has("lines") ? gson.fromJson(object.get("lines"), ORDER_LINES)
                : new ArrayList<>();
        return new Order(required(object, "id").getAsLong(), required(object, "buyer").getAsString(),
                gson.fromJson(required(object, "placed"), Instant.class), lines);
    }

    private static OrderLine line(JsonObject object, Gson gson) {
        return new OrderLine(required(object, "image").getAsLong(), required(object, "name").getAsString(),
                required(object, "seller").getAsString(), required(object, "quantity").getAsInt(),
                gson.fromJson(required(object, "unit_price"), BigDecimal.class));
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
