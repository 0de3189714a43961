package org.gallerist.protocol.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

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
        builder.registerTypeAdapter(BigDecimal.class, new Money().nullSafe());
        builder.registerTypeAdapter(Instant.class, new Instants().nullSafe());
        builder.registerTypeAdapter(Visibility.class, new LowerCase<>(Visibility.class).nullSafe());
        builder.registerTypeAdapter(Role.class, new LowerCase<>(Role.class).nullSafe());
        builder.registerTypeAdapter(ImageSize.class, new LowerCase<>(ImageSize.class).nullSafe());
        builder.registerTypeAdapter(ErrorCode.class, new ErrorCodes().nullSafe());
    }

    /** Prices and totals: {@code "12.50"}, read from a string or a number. */
    private static final class Money extends TypeAdapter<BigDecimal> {
        @Override
        public void write(JsonWriter out, BigDecimal value) throws IOException {
            out.value(value.setScale(2, RoundingMode.HALF_EVEN).toPlainString());
        }

        @Override
        public BigDecimal read(JsonReader in) throws IOException {
            String text = in.nextString(); // a number token reads as its text too
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new JsonParseException("not an amount: " + text, e);
            }
        }
    }

    private static final class Instants extends TypeAdapter<Instant> {
        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            String text = in.nextString();
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new JsonParseException("not an instant: " + text, e);
            }
        }
    }

    private static final class LowerCase<E extends Enum<E>> extends TypeAdapter<E> {
        private final Class<E> type;

        LowerCase(Class<E> type) {
            this.type = type;
        }

        @Override
        public void write(JsonWriter out, E value) throws IOException {
            out.value(value.name().toLowerCase(Locale.ROOT));
        }

        @Override
        public E read(JsonReader in) throws IOException {
            String text = in.nextString();
            try {
                return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new JsonParseException("unknown " + type.getSimpleName() + " '" + text + "'", e);
            }
        }
    }

    /** Codes a newer server may add read as {@code internal}, never as a failure to read the error. */
    private static final class ErrorCodes extends TypeAdapter<ErrorCode> {
        @Override
        public void write(JsonWriter out, ErrorCode value) throws IOException {
            out.value(value.wireName());
        }

        @Override
        public ErrorCode read(JsonReader in) throws IOException {
            return ErrorCode.fromWireName(in.nextString());
        }
    }
}
