package org.gallerist.storage.derby.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.gallerist.spi.storage.ImageFilter;

/**
 * The query for one page of a listing: keyset paging over {@code (created_ms DESC, id DESC)} with the visibility,
 * owner, text and tag filters in SQL, and the values for its parameters in order.
 */
record ImageListing(String sql, List<Object> values) {

    ImageListing {
        values = List.copyOf(values);
    }

    static ImageListing of(ImageFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT ").append(ImageRows.COLUMNS).append(ImageRows.FROM)
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
        for (String word : filter.words()) {
            sql.append(" AND LOWER(i.name || ' ' || i.description) LIKE ? ESCAPE '\\'");
            values.add("%" + escapeLike(word.toLowerCase(Locale.ROOT)) + "%");
        }
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
            sql.append(" AND (i.created_ms < ? OR (i.created_ms = ? AND i.id < ?))");
            values.add(filter.afterCreated());
            values.add(filter.afterCreated());
            values.add(filter.afterId());
        }
        sql.append(" ORDER BY i.created_ms DESC, i.id DESC OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY");
        values.add(filter.limit());
        return new ImageListing(sql.toString(), values);
    }

    /** Makes a word match literally in {@code LIKE ... ESCAPE '\'}. */
    static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
