package org.gallerist.transport.ssh.client.internal;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.Role;
import org.gallerist.api.User;
import org.gallerist.api.account.AuthorizedKey;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;

/** Reads the server's JSON lines and maps them onto the api records. */
final class WireJson {

    private static final Type OBJECT = new TypeToken<Map<String, Object>>() {
    }.getType();

    private final Gson gson = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();

    List<Map<String, Object>> lines(byte[] stdout) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (String line : new String(stdout, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                objects.add(parse(line));
            }
        }
        return objects;
    }

    /** The error a failed request reported on stderr, or a generic one if it did not say. */
    GalleristException error(byte[] stderr, int exitStatus) {
        String text = new String(stderr, StandardCharsets.UTF_8).strip();
        for (String line : text.lines().toList().reversed()) {
            try {
                Map<String, Object> object = gson.fromJson(line, OBJECT);
                if (object != null && object.get("error") instanceof String code) {
                    Object message = object.get("message");
                    return new GalleristException(ErrorCode.fromWireName(code),
                            message instanceof String m && !m.isBlank() ? m : "The server reported '" + code + "'.");
                }
            } catch (JsonParseException notJson) {
                // keep looking; the last JSON line is the error
            }
        }
        String detail = text.isEmpty() ? "" : ": " + firstLine(text);
        return new GalleristException(ErrorCode.INTERNAL,
                "The server ended the request with status " + exitStatus + detail);
    }

    User user(Map<String, Object> object) {
        return new User(string(object, "user"), role(string(object, "role")), false, instant(object.get("created")));
    }

    AuthorizedKey key(Map<String, Object> object) {
        String type = string(object, "type");
        Object line = object.get("key");
        return new AuthorizedKey(string(object, "fingerprint"), type,
                object.get("comment") instanceof String comment ? comment : "",
                line instanceof String l ? l : type, instant(object.get("added")));
    }

    private Map<String, Object> parse(String line) {
        try {
            Map<String, Object> object = gson.fromJson(line, OBJECT);
            if (object == null) {
                throw new JsonParseException("empty");
            }
            return object;
        } catch (JsonParseException e) {
            throw new GalleristException(ErrorCode.INTERNAL, "The server sent a line that is not JSON: " + firstLine(line));
        }
    }

    private static String string(Map<String, Object> object, String field) {
        if (object.get(field) instanceof String value) {
            return value;
        }
        throw new GalleristException(ErrorCode.INTERNAL, "The server's answer has no '" + field + "'.");
    }

    private static Role role(String wireName) {
        try {
            return Role.valueOf(wireName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new GalleristException(ErrorCode.INTERNAL, "The server named an unknown role '" + wireName + "'.");
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                // older servers may not send it; fall through
            }
        }
        return Instant.EPOCH;
    }

    private static String firstLine(String text) {
        String first = text.lines().findFirst().orElse("");
        return first.length() > 200 ? first.substring(0, 200) + "..." : first;
    }
}
