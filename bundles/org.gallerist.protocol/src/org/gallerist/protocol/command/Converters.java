package org.gallerist.protocol.command;

import java.math.BigDecimal;
import java.util.Locale;

import org.gallerist.api.image.ImageSize;
import org.gallerist.api.order.SalesGrouping;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Values as people type them. A word of the wrong kind is a usage error (exit status 2); a value of the right kind
 * that the rules refuse (a negative price, a limit of 500) is an {@code invalid_argument}, checked by the server.
 */
public final class Converters {

    private Converters() {
    }

    /** {@code 12}, {@code 12.5}, {@code -1} (refused later as negative), never {@code 1e3} or {@code 12,50}. */
    public static final class Amount implements ITypeConverter<BigDecimal> {
        @Override
        public BigDecimal convert(String value) {
            String text = value.strip();
            if (!text.matches("-?\\d{1,12}(\\.\\d{1,12})?")) {
                throw new TypeConversionException("'" + value + "' is not an amount: use a number with at most 2"
                        + " decimals, e.g. 12.50");
            }
            return new BigDecimal(text);
        }
    }

    /** An image id: {@code 12} or {@code #12}. */
    public static final class ImageId implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            String text = value.strip();
            text = text.startsWith("#") ? text.substring(1) : text;
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not an image id: use its number, e.g. 12");
            }
        }
    }

    public static final class Size implements ITypeConverter<ImageSize> {
        @Override
        public ImageSize convert(String value) {
            try {
                return ImageSize.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a size: use thumb, preview or original");
            }
        }
    }

    public static final class Grouping implements ITypeConverter<SalesGrouping> {
        @Override
        public SalesGrouping convert(String value) {
            try {
                return SalesGrouping.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a grouping: use day, week, month or image");
            }
        }
    }
}
