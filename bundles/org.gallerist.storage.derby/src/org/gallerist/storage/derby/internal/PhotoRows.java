package org.gallerist.storage.derby.internal;

import java.sql.SQLException;

import org.gallerist.api.image.PhotoFacts;

/** An image's camera facts: one row in {@code image_photos}, only for images whose file had any. */
final class PhotoRows {

    private PhotoRows() {
    }

    static void insert(Sql sql, long imageId, PhotoFacts photo) throws SQLException {
        if (photo.isEmpty()) {
            return;
        }
        sql.update("INSERT INTO image_photos (image_id, captured, camera_make, camera_model, lens, exposure, aperture,"
                + " focal_length, iso) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", imageId, cut(photo.captured(), 40),
                cut(photo.cameraMake(), 100), cut(photo.cameraModel(), 100), cut(photo.lens(), 200),
                cut(photo.exposure(), 40), cut(photo.aperture(), 40), cut(photo.focalLength(), 40), photo.iso());
    }

    static PhotoFacts read(Sql sql, long imageId) throws SQLException {
        return sql.optional("SELECT captured, camera_make, camera_model, lens, exposure, aperture, focal_length, iso"
                + " FROM image_photos WHERE image_id = ?", row -> new PhotoFacts(row.getString(1), row.getString(2),
                        row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                        (Integer) row.getObject(8)), imageId).orElse(PhotoFacts.NONE);
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
