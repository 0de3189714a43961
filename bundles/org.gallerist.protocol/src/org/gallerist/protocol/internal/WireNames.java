package org.gallerist.protocol.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.Role;
import org.gallerist.api.image.ImageSize;
import org.gallerist.api.image.Visibility;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

/** Scalars as the wire spells them: money as a two-place decimal string, instants in ISO-8601, enums lower case. */
final class WireNames {

    private WireNames() {
    }

    static void register(GsonBuilder builder) {
        // prices and totals: "12.50", read from a string or a number
        spelled(builder, BigDecimal.class, value -> value.setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                BigDecimal::new, text -> "not an amount: " + text);
        spelled(builder, Instant.class, Instant::toString, Instant::parse, text -> "not an instant: " + text);
        lowerCase(builder, Visibility.class);
        lowerCase(builder, Role.class);
        lowerCase(builder, ImageSize.class);
        // codes a newer server may add read as internal, never as a failure to read the error
        spelled(builder, ErrorCode.class, ErrorCode::wireName, ErrorCode::fromWireName,
                text -> "unknown error code: " + text);
    }

    private static <E extends Enum<E>> void lowerCase(GsonBuilder builder, Class<E> type) {
        spelled(builder, type, value -> value.name().toLowerCase(Locale.ROOT),
                text -> Enum.valueOf(type, text.toUpperCase(Locale.ROOT)),
                text -> "unknown " + type.getSimpleName() + " '" + text + "'");
    }

    private static <T> void spelled(GsonBuilder builder, Class<T> type, Function<T, String> spell,
            Function<String, T> parse, Function<String, String> refusal) {
        builder.registerTypeAdapter(type, new Spelled<>(spell, parse, refusal).nullSafe());
    }

    /** A value the wire spells as one string; text that does not parse fails the read with the refusal's message. */
    private static final class Spelled<T> extends TypeAdapter<T> {
        private final Function<T, String> spell;
        private final Function<String, T> parse;
        private final Function<String, String> refusal;

        Spelled(Function<T, String> spell, Function<String, T> parse, Function<String, String> refusal) {
            this.spell = spell;
            this.parse = parse;
            this.refusal = refusal;
        }

        @Override
        public void write(JsonWriter out, T value) throws IOException {
            out.value(spell.apply(value));
        }

        @Override
        public T read(JsonReader in) throws IOException {
            String text = in.nextString(); // a number token reads as its text too
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new JsonParseException(refusal.apply(text), e);
            }
        }
    }
}
