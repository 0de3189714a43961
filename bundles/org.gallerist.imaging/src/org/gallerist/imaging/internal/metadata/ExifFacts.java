package org.gallerist.imaging.internal.metadata;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.gallerist.api.image.PhotoFacts;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.Rational;

/** The camera's facts in an EXIF structure (IFD0 and its Exif sub-IFD), in the words {@code images show} uses. */
final class ExifFacts {

    private static final int IMAGE_DESCRIPTION = 270;
    private static final int MAKE = 271;
    private static final int MODEL = 272;
    private static final int DATE_TIME = 306;
    private static final int EXIF_IFD = 34665;
    private static final int EXPOSURE_TIME = 33434;
    private static final int F_NUMBER = 33437;
    private static final int ISO = 34855;
    private static final int DATE_TIME_ORIGINAL = 36867;
    private static final int OFFSET_TIME_ORIGINAL = 36881;
    private static final int FOCAL_LENGTH = 37386;
    private static final int LENS_MAKE = 42035;
    private static final int LENS_MODEL = 42036;
    /** Longer texts in these fields are not a camera's. */
    private static final int MAX_TEXT = 100;

    private ExifFacts() {
    }

    static PhotoFacts of(Directory ifd0) {
        Directory exif = ifd0.getEntryById(EXIF_IFD) instanceof Entry entry && entry.getValue() instanceof Directory d
                ? d : null;
        String captured = captured(text(exif, DATE_TIME_ORIGINAL, 20), text(exif, OFFSET_TIME_ORIGINAL, 6));
        if (captured == null) {
            captured = captured(text(ifd0, DATE_TIME, 20), null);
        }
        String lensMake = text(exif, LENS_MAKE, MAX_TEXT);
        String lens = text(exif, LENS_MODEL, MAX_TEXT);
        if (lens != null && lensMake != null && !lens.toLowerCase().startsWith(lensMake.toLowerCase())) {
            lens = lensMake + " " + lens;
        }
        return new PhotoFacts(captured, text(ifd0, MAKE, MAX_TEXT), text(ifd0, MODEL, MAX_TEXT), lens,
                exposure(number(exif, EXPOSURE_TIME)), aperture(number(exif, F_NUMBER)),
                focalLength(number(exif, FOCAL_LENGTH)), iso(number(exif, ISO)));
    }

    /** IFD0's ImageDescription: a caption where neither XMP nor IPTC has one. */
    static String description(Directory ifd0) {
        return text(ifd0, IMAGE_DESCRIPTION, 4000);
    }

    /** {@code 2024:05:01 14:03:09} (and {@code +02:00}) as ISO-8601; {@code null} unless it is a real date. */
    static String captured(String exifDate, String offset) {
        if (exifDate == null || !exifDate.matches("\\d{4}:\\d{2}:\\d{2} \\d{2}:\\d{2}:\\d{2}")
                || exifDate.startsWith("0000")) {
            return null;
        }
        String iso = exifDate.substring(0, 10).replace(':', '-') + "T" + exifDate.substring(11);
        try {
            java.time.LocalDateTime.parse(iso);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
        return offset != null && offset.matches("[+-]\\d{2}:\\d{2}") ? iso + offset : iso;
    }

    private static String exposure(Number seconds) {
        if (seconds == null || !(seconds.doubleValue() > 0)) {
            return null;
        }
        double value = seconds.doubleValue();
        if (value < 1) {
            return "1/" + Math.round(1 / value) + " s";
        }
        return plain(value, 1) + " s";
    }

    private static String aperture(Number fNumber) {
        return fNumber == null || !(fNumber.doubleValue() > 0) ? null : "f/" + plain(fNumber.doubleValue(), 1);
    }

    private static String focalLength(Number millimetres) {
        return millimetres == null || !(millimetres.doubleValue() > 0) ? null
                : plain(millimetres.doubleValue(), 1) + " mm";
    }

    private static Integer iso(Number iso) {
        return iso == null || iso.longValue() <= 0 || iso.longValue() > 10_000_000 ? null : iso.intValue();
    }

    private static String plain(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
    }

    private static Number number(Directory directory, int tag) {
        if (directory == null || directory.getEntryById(tag) == null) {
            return null;
        }
        Object value = directory.getEntryById(tag).getValue();
        if (value instanceof Rational rational && rational.denominator() == 0) {
            return null;
        }
        if (value instanceof Number number) {
            return number;
        }
        // some cameras write a count of one as an array
        if (value instanceof Object[] values && values.length > 0 && values[0] instanceof Number number) {
            return number;
        }
        if (value instanceof short[] values && values.length > 0) {
            return values[0];
        }
        if (value instanceof int[] values && values.length > 0) {
            return values[0];
        }
        return null;
    }

    private static String text(Directory directory, int tag, int maxLength) {
        if (directory == null || directory.getEntryById(tag) == null) {
            return null;
        }
        Object value = directory.getEntryById(tag).getValue();
        if (!(value instanceof String text)) {
            return null;
        }
        String cleaned = text.replace('\0', ' ').strip();
        if (cleaned.isEmpty() || cleaned.length() > maxLength || cleaned.chars().anyMatch(Character::isISOControl)) {
            return null;
        }
        return cleaned;
    }
}
