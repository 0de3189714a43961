package org.gallerist.transport.ssh.server.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.gallerist.api.GalleristException;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;

/** The wire format: one JSON object per line, nulls kept, no HTML escaping. */
public final class JsonLines {

    private final Gson gson = new GsonBuilder()
            .serializeNulls()
            .disableHtmlEscaping()
            .registerTypeAdapter(Instant.class, (JsonSerializer<Instant>) (instant, type, context) -> new JsonPrimitive(instant.toString()))
            .create();

    public String toLine(Map<String, ?> object) {
        return gson.toJson(object) + "\n";
    }

    public void write(OutputStream out, Map<String, ?> object) throws IOException {
        out.write(toLine(object).getBytes(StandardCharsets.UTF_8));
    }

    public void writeError(OutputStream err, GalleristException e) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error", e.code().wireName());
        error.put("message", e.getMessage());
        write(err, error);
        err.flush();
    }
}
