package org.gallerist.api.image;

/**
 * What the camera wrote into a photo (EXIF): shown to the image's owner and admins only, like everything personal
 * a file carries. Each part is {@code null} when the file does not say.
 *
 * @param captured    when it was taken, as the camera's clock said: ISO-8601 local date-time
 *                    ({@code 2024-05-01T14:03:09}), with the offset when the file gives one ({@code ...+02:00})
 * @param exposure    the exposure time, e.g. {@code 1/250 s} or {@code 2 s}
 * @param aperture    the f-number, e.g. {@code f/2.8}
 * @param focalLength e.g. {@code 50 mm}
 * @param iso         the ISO speed rating
 */
public record PhotoFacts(String captured, String cameraMake, String cameraModel, String lens, String exposure,
        String aperture, String focalLength, Integer iso) {

    /** A file that says nothing about how it was taken. */
    public static final PhotoFacts NONE = new PhotoFacts(null, null, null, null, null, null, null, null);

    public PhotoFacts {
        captured = blankToNull(captured);
        cameraMake = blankToNull(cameraMake);
        cameraModel = blankToNull(cameraModel);
        lens = blankToNull(lens);
        exposure = blankToNull(exposure);
        aperture = blankToNull(aperture);
        focalLength = blankToNull(focalLength);
        iso = iso == null || iso <= 0 ? null : iso;
    }

    /** Whether the file said nothing at all. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
