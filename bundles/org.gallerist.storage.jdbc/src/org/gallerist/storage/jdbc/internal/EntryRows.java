package org.gallerist.storage.jdbc.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gallerist.spi.storage.VectorStore.Entry;

/** The index entries of a few images, as they are now: what a follower reads for the images that changed. */
final class EntryRows {

    private EntryRows() {
    }

    /** @param ids at most a few hundred, as they become one IN list */
    static List<Entry> read(Sql sql, String embedderId, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Object[] imageIds = ids.toArray();
        Object[] values = new Object[ids.size() + 1];
        values[0] = embedderId;
        System.arraycopy(imageIds, 0, values, 1, imageIds.length);
        String in = " IN (" + Sql.placeholders(ids.size()) + ")";
        Map<Long, List<String>> tags = new HashMap<>();
        sql.forEach("SELECT it.image_id, t.name FROM image_tags it JOIN tags t ON t.id = it.tag_id"
                + " WHERE it.image_id" + in + " ORDER BY t.name",
                row -> tags.computeIfAbsent(row.getLong(1), id -> new ArrayList<>(2)).add(row.getString(2)), imageIds);
        return sql.list("SELECT i.id, u.name, i.visibility, v.vector FROM image_vectors v"
                + " JOIN images i ON i.id = v.image_id JOIN users u ON u.id = i.owner_id"
                + " WHERE v.embedder_id = ? AND v.image_id" + in, row -> new Entry(row.getLong(1), row.getString(2),
                        "PUBLIC".equals(row.getString(3)), List.copyOf(tags.getOrDefault(row.getLong(1), List.of())),
                        JdbcVectorStore.decode(row.getBytes(4))), values);
    }
}
