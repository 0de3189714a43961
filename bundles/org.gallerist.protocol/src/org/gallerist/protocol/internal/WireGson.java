package org.gallerist.protocol.internal;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;

/**
 * The one Gson configuration of the wire: snake-case field names, no HTML escaping, and absent values left out
 * (an import line that failed has no {@code id}, one that worked no {@code error}), as the lines always were.
 */
public final class WireGson {

    private WireGson() {
    }

    public static Gson create() {
        GsonBuilder builder = new GsonBuilder()
                .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
                .disableHtmlEscaping()
                .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE);
        WireNames.register(builder);
        RecordShapes.register(builder);
        return builder.create();
    }
}
