package org.gallerist.storage.jdbc.internal;

import java.sql.SQLException;

import org.gallerist.api.image.PhotoFacts;

/** An image's camera facts: one row in {@code image_photos}, only for images whose file had any. */
final class PhotoRows {

    /** The facts, and whether the owner shares them. */
    record Photo(PhotoFacts facts, boolean shared) {
        static final Photo NONE = new Photo(PhotoFacts.NONE, false);
    }

    private PhotoRows() {
    }

    static void insert(Sql sql, long imageId, PhotoFacts photo, boolean shared) throws SQLException {
        if (photo.isEmpty()) {
            return;
        }
        sql.update("INSERT INTO image_photos (image_id, captured, camera_make, camera_model, lens, exposure, aperture,"
                + " focal_length, iso, shared) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", imageId,
                cut(photo.captured(), 40), cut(photo.cameraMake(), 100), cut(photo.cameraModel(), 100),
                cut(photo.lens(), 200), cut(photo.exposure(), 40), cut(photo.aperture(), 40),
                cut(photo.focalLength(), 40), photo.iso(), shared);
    }

    static Photo read(Sql sql, long imageId) throws SQLException {
        return sql.optional("SELECT captured, camera_make, camera_model, lens, exposure, aperture, focal_length, iso,"
                + " shared FROM image_photos WHERE image_id = ?", row -> new Photo(new PhotoFacts(row.getString(1),
                        row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                        row.getString(7), (Integer) row.getObject(8)), row.getBoolean(9)), imageId).orElse(Photo.NONE);
    }

    /** An image without facts has nothing to share; that is no error. */
    static void share(Sql sql, long imageId, boolean shared) throws SQLException {
        sql.update("UPDATE image_photos SET shared = ? WHERE image_id = ?", shared, imageId);
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
