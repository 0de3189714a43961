package org.gallerist.storage.jdbc.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.gallerist.spi.storage.ImageFilter;

/**
 * The query for one rank of a page of a listing: keyset paging over {@code (created_ms DESC, id DESC)} with the
 * visibility, owner, text and tag filters in SQL, and the values for its parameters in order.
 */
record ImageListing(String sql, List<Object> values) {

    /** A word (two parameters) in the name, the description or a tag; then {@link #CAMERA_MATCH} and ")". */
    private static final String DIRECT_MATCH = "(LOWER(i.name || ' ' || i.description) LIKE ? ESCAPE '\\'"
            + " OR EXISTS (SELECT 1 FROM image_tags wt JOIN tags w ON w.id = wt.tag_id"
            + " WHERE wt.image_id = i.id AND w.name LIKE ? ESCAPE '\\')";
    /**
     * A word (one parameter) in the camera make, model or lens; only facts the viewer is shown are searched: shared
     * ones, and their own (a second parameter: the viewer), and, for an admin, all.
     */
    private static final String CAMERA_MATCH = " OR EXISTS (SELECT 1 FROM image_photos cp WHERE cp.image_id = i.id"
            + " AND LOWER(COALESCE(cp.camera_make, '') || ' ' || COALESCE(cp.camera_model, '') || ' '"
            + " || COALESCE(cp.lens, '')) LIKE ? ESCAPE '\\'";
    /** A word (one parameter) in the labels the image model stored with a vector of the image. */
    private static final String SEEN_MATCH = "EXISTS (SELECT 1 FROM image_vectors sv WHERE sv.image_id = i.id"
            + " AND LOWER(sv.labels) LIKE ? ESCAPE '\\')";

    /**
     * Derby's optimizer otherwise joins from users and sorts every visible row for each page (0.7 s a page at 100,000
     * images, docs/benchmarks.md "A catalogue of 100,000 images"): images first, walked along the
     * {@code (created_ms DESC, id DESC)} index, is already in the page's order, so no sort runs and the scan stops
     * once the page is full. The hints are comments to any other database; each must end its line.
     */
    private static final String FROM_NEWEST_FIRST = " FROM --DERBY-PROPERTIES joinOrder=FIXED\n"
            + " images i --DERBY-PROPERTIES index=IMAGES_CREATED\n JOIN users u ON u.id = i.owner_id";

    ImageListing {
        values = List.copyOf(values);
    }

    static ImageListing of(ImageFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT ").append(ImageRows.COLUMNS).append(FROM_NEWEST_FIRST)
                .append(" WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        if (!filter.viewerIsAdmin()) {
            sql.append(" AND (i.visibility = 'PUBLIC' OR u.name = ?)");
            values.add(filter.viewer());
        }
        if (filter.ownerOnly()) {
            sql.append(" AND u.name = ?");
            values.add(filter.viewer());
        }
        words(filter, sql, values);
        List<String> tags = new ArrayList<>(new LinkedHashSet<>(filter.tags()));
        if (!tags.isEmpty()) {
            String exists = " EXISTS (SELECT 1 FROM image_tags it JOIN tags t ON t.id = it.tag_id"
                    + " WHERE it.image_id = i.id AND t.name ";
            if (filter.anyTag()) {
                sql.append(" AND").append(exists).append("IN (").append(Sql.placeholders(tags.size())).append("))");
                values.addAll(tags);
            } else {
                for (String tag : tags) {
                    sql.append(" AND").append(exists).append("= ?)");
                    values.add(tag);
                }
            }
        }
        if (filter.afterCreated() != null && filter.afterId() != null) {
            // the first comparison alone lets the index scan start at the cursor instead of the newest image
            sql.append(" AND i.created_ms <= ? AND (i.created_ms < ? OR (i.created_ms = ? AND i.id < ?))");
            values.add(filter.afterCreated());
            values.add(filter.afterCreated());
            values.add(filter.afterCreated());
            values.add(filter.afterId());
        }
        sql.append(" ORDER BY i.created_ms DESC, i.id DESC OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY");
        values.add(filter.limit());
        return new ImageListing(sql.toString(), values);
    }

    /**
     * Rank 0: every word is in the name, description or a tag. Rank 1: every word is there or in what the image
     * model saw, and some word only there.
     */
    private static void words(ImageFilter filter, StringBuilder sql, List<Object> values) {
        if (filter.words().isEmpty()) {
            return;
        }
        List<String> patterns = filter.words().stream()
                .map(word -> "%" + escapeLike(word.toLowerCase(Locale.ROOT)) + "%").toList();
        if (filter.afterRank() == ImageFilter.DIRECT) {
            for (String pattern : patterns) {
                sql.append(" AND ");
                direct(filter, pattern, sql, values);
            }
            return;
        }
        sql.append(" AND NOT (");
        for (int i = 0; i < patterns.size(); i++) {
            sql.append(i == 0 ? "" : " AND ");
            direct(filter, patterns.get(i), sql, values);
        }
        sql.append(")");
        for (String pattern : patterns) {
            sql.append(" AND (");
            direct(filter, pattern, sql, values);
            sql.append(" OR ").append(SEEN_MATCH).append(")");
            values.add(pattern);
        }
    }

    /** The word in the name, description, a tag or (where the viewer may see them) the camera facts. */
    private static void direct(ImageFilter filter, String pattern, StringBuilder sql, List<Object> values) {
        sql.append(DIRECT_MATCH).append(CAMERA_MATCH);
        values.add(pattern);
        values.add(pattern);
        values.add(pattern);
        if (!filter.viewerIsAdmin()) {
            sql.append(" AND (cp.shared = TRUE OR u.name = ?)");
            values.add(filter.viewer());
        }
        sql.append("))");
    }

    /** Makes a word match literally in {@code LIKE ... ESCAPE '\'}. */
    static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
