package org.gallerist.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.protocol.internal.WireGson;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;

/**
 * JSON lines as both ends read and write them: one object per line on stdout, and on failure one
 * {@code {"error": CODE, "message": TEXT, ...details}} object on stderr. Thread-safe and immutable.
 */
public final class WireJson {

    private static final Type OBJECT = new TypeToken<Map<String, Object>>() {
    }.getType();

    private final Gson gson = WireGson.create();

    /** One reply (a record of the api or of {@link Replies}, or a map) as one line, newline included. */
    public String line(Object reply) {
        return gson.toJson(reply) + "\n";
    }

    public void write(OutputStream out, Object reply) throws IOException {
        out.write(line(reply).getBytes(StandardCharsets.UTF_8));
    }

    public void writeError(OutputStream err, GalleristException e) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error", e.code().wireName());
        error.put("message", e.getMessage());
        error.putAll(e.details());
        write(err, error);
        err.flush();
    }

    /** The lines of a command's stdout, each for the caller to read as the type it expects. */
    public List<Line> lines(byte[] stdout) {
        List<Line> lines = new ArrayList<>();
        for (String text : new String(stdout, StandardCharsets.UTF_8).split("\n")) {
            if (!text.isBlank()) {
                lines.add(new Line(parse(text)));
            }
        }
        return lines;
    }

    /** Reads a whole input (e.g. an order on stdin) as a JSON array; {@code what} says what was expected. */
    public <T> List<T> readList(String text, Class<T> element, String what) {
        return read(text, TypeToken.getParameterized(List.class, element).getType(), what);
    }

    private <T> T read(String text, Type type, String what) {
        try {
            T value = gson.fromJson(text, type);
            if (value == null) {
                throw new JsonParseException("empty");
            }
            return value;
        } catch (JsonParseException | IllegalStateException | ClassCastException | NullPointerException e) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "The input is not valid JSON: send " + what + ".");
        }
    }

    /** The error a failed request reported on stderr (its last JSON line), or a generic one if it did not say. */
    public GalleristException error(byte[] stderr, int exitStatus) {
        String text = new String(stderr, StandardCharsets.UTF_8).strip();
        for (String candidate : text.lines().toList().reversed()) {
            try {
                Map<String, Object> object = gson.fromJson(candidate, OBJECT);
                if (object != null && object.get("error") instanceof String code) {
                    Object message = object.get("message");
                    return new GalleristException(ErrorCode.fromWireName(code),
                            message instanceof String m && !m.isBlank() ? m : "The server reported '" + code + "'.",
                            object);
                }
            } catch (JsonParseException notJson) {
                // keep looking; the last JSON line is the error
            }
        }
        String detail = text.isEmpty() ? "" : ": " + firstLine(text);
        return new GalleristException(ErrorCode.INTERNAL,
                "The server ended the request with status " + exitStatus + detail);
    }

    private JsonObject parse(String text) {
        try {
            JsonElement element = JsonParser.parseString(text);
            if (!element.isJsonObject()) {
                throw new JsonParseException("not an object");
            }
            return element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new GalleristException(ErrorCode.INTERNAL, "The server sent a line that is not JSON: " + firstLine(text));
        }
    }

    private static String firstLine(String text) {
        String first = text.lines().findFirst().orElse("");
        return first.length() > 200 ? first.substring(0, 200) + "..." : first;
    }

    /** One reply line, read as whatever the caller expects of it. */
    public final class Line {
        private final JsonObject object;

        private Line(JsonObject object) {
            this.object = object;
        }

        /** True if the line has this field (e.g. {@code next} for the end of a page). */
        public boolean has(String field) {
            return object.has(field);
        }

        public <T> T as(Class<T> type) {
            try {
                T value = gson.fromJson(object, type);
                if (value == null) {
                    throw new JsonParseException("empty");
                }
                return value;
            } catch (RuntimeException e) {
                throw new GalleristException(ErrorCode.INTERNAL, "The server's answer is not a valid "
                        + type.getSimpleName() + ": " + firstLine(object.toString()));
            }
        }

        /** The line as plain values: maps, lists, strings, longs or doubles, booleans and null. */
        public Map<String, Object> asMap() {
            return gson.fromJson(object, OBJECT);
        }
    }
}
