package org.gallerist.storage.derby.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gallerist.spi.storage.VectorStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link VectorStore} in the {@code image_vectors} table; vectors are little-endian float32 blobs. */
@Component(service = VectorStore.class)
public class DerbyVectorStore implements VectorStore {

    private final DerbyDatabase database;

    @Activate
    public DerbyVectorStore(@Reference DerbyDatabase database) {
        this.database = database;
    }

    /** The labels column's size; labels beyond it are left out, last first. */
    static final int MAX_LABEL_CHARS = 2000;

    @Override
    public void put(long imageId, String embedderId, float[] vector, List<String> labels) {
        byte[] bytes = encode(vector);
        String text = labelText(labels);
        database.inTransaction(sql -> {
            sql.update("DELETE FROM image_vectors WHERE image_id = ? AND embedder_id = ?", imageId, embedderId);
            try {
                sql.update("INSERT INTO image_vectors (image_id, embedder_id, dimension, vector, labels)"
                        + " VALUES (?, ?, ?, ?, ?)", imageId, embedderId, vector.length, bytes, text);
            } catch (SQLException e) {
                if (!Sql.isForeignKeyViolation(e)) { // the image was deleted while its vector was computed
                    throw e;
                }
            }
            return null;
        });
    }

    @Override
    public List<String> labels(long imageId, String embedderId) {
        List<String> texts = database.inTransaction(sql -> sql.list(
                "SELECT labels FROM image_vectors WHERE image_id = ? AND embedder_id = ?", row -> row.getString(1),
                imageId, embedderId));
        return texts.isEmpty() || texts.get(0).isEmpty() ? List.of() : List.of(texts.get(0).split("\n"));
    }

    /** One label a line; a line break inside a label would split it, so it becomes a space. */
    static String labelText(List<String> labels) {
        StringBuilder text = new StringBuilder();
        for (String label : labels) {
            String line = label.replaceAll("[\\r\\n]+", " ").strip();
            if (line.isEmpty() || text.length() + line.length() + 1 > MAX_LABEL_CHARS) {
                continue;
            }
            text.append(text.isEmpty() ? "" : "\n").append(line);
        }
        return text.toString();
    }

    @Override
    public void forEach(String embedderId, EntrySink sink) {
        database.inTransaction(sql -> {
            Map<Long, List<String>> tags = tags(sql);
            sql.forEach("SELECT i.id, u.name, i.visibility, v.vector FROM image_vectors v"
                    + " JOIN images i ON i.id = v.image_id JOIN users u ON u.id = i.owner_id"
                    + " WHERE v.embedder_id = ? ORDER BY i.id", row -> {
                        long id = row.getLong(1);
                        sink.accept(new Entry(id, row.getString(2), "PUBLIC".equals(row.getString(3)),
                                tags.getOrDefault(id, List.of()), decode(row.getBytes(4))));
                    }, embedderId);
            return null;
        });
    }

    private static Map<Long, List<String>> tags(Sql sql) throws SQLException {
        Map<Long, List<String>> tags = new HashMap<>();
        sql.forEach("SELECT it.image_id, t.name FROM image_tags it JOIN tags t ON t.id = it.tag_id ORDER BY t.name",
                row -> tags.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(row.getString(2)));
        return tags;
    }

    @Override
    public List<Long> missing(String embedderId, int limit) {
        return database.inTransaction(sql -> sql.list("SELECT i.id FROM images i WHERE NOT EXISTS"
                + " (SELECT 1 FROM image_vectors v WHERE v.image_id = i.id AND v.embedder_id = ?)"
                + " ORDER BY i.id FETCH FIRST ? ROWS ONLY", row -> row.getLong(1), embedderId, Math.max(1, limit)));
    }

    @Override
    public int deleteOthers(String embedderId) {
        return database.inTransaction(
                sql -> sql.update("DELETE FROM image_vectors WHERE embedder_id <> ?", embedderId));
    }

    @Override
    public long count(String embedderId) {
        return database.inTransaction(sql -> sql.one("SELECT COUNT(*) FROM image_vectors WHERE embedder_id = ?",
                row -> row.getLong(1), embedderId));
    }

    static byte[] encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] decode(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
