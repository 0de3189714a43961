package org.gallerist.storage.derby.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gallerist.api.spi.VectorStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link VectorStore} in the {@code image_vectors} table; vectors are little-endian float32 blobs. */
@Component(service = VectorStore.class)
public class DerbyVectorStore implements VectorStore {

    /** SQLState of a foreign-key violation: the image was deleted while its vector was computed. */
    private static final String NO_SUCH_IMAGE = "23503";

    private final DerbyDatabase database;

    @Activate
    public DerbyVectorStore(@Reference DerbyDatabase database) {
        this.database = database;
    }

    @Override
    public void put(long imageId, String embedderId, float[] vector) {
        byte[] bytes = encode(vector);
        database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM image_vectors WHERE image_id = ? AND embedder_id = ?");
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO image_vectors (image_id, embedder_id, dimension, vector) VALUES (?, ?, ?, ?)")) {
                delete.setLong(1, imageId);
                delete.setString(2, embedderId);
                delete.executeUpdate();
                insert.setLong(1, imageId);
                insert.setString(2, embedderId);
                insert.setInt(3, vector.length);
                insert.setBytes(4, bytes);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!NO_SUCH_IMAGE.equals(e.getSQLState())) {
                    throw e;
                }
            }
            return null;
        });
    }

    @Override
    public void forEach(String embedderId, EntrySink sink) {
        database.inTransaction(connection -> {
            Map<Long, List<String>> tags = tags(connection);
            try (PreparedStatement select = connection.prepareStatement("SELECT i.id, u.name, i.visibility, v.vector"
                    + " FROM image_vectors v JOIN images i ON i.id = v.image_id JOIN users u ON u.id = i.owner_id"
                    + " WHERE v.embedder_id = ? ORDER BY i.id")) {
                select.setString(1, embedderId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long id = rows.getLong(1);
                        sink.accept(new Entry(id, rows.getString(2), "PUBLIC".equals(rows.getString(3)),
                                tags.getOrDefault(id, List.of()), decode(rows.getBytes(4))));
                    }
                }
            }
            return null;
        });
    }

    private static Map<Long, List<String>> tags(Connection connection) throws SQLException {
        Map<Long, List<String>> tags = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT it.image_id, t.name FROM image_tags it JOIN tags t ON t.id = it.tag_id ORDER BY t.name");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                tags.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(rows.getString(2));
            }
        }
        return tags;
    }

    @Override
    public List<Long> missing(String embedderId, int limit) {
        return database.inTransaction(connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT i.id FROM images i WHERE NOT EXISTS"
                    + " (SELECT 1 FROM image_vectors v WHERE v.image_id = i.id AND v.embedder_id = ?)"
                    + " ORDER BY i.id FETCH FIRST ? ROWS ONLY")) {
                select.setString(1, embedderId);
                select.setInt(2, Math.max(1, limit));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    @Override
    public int deleteOthers(String embedderId) {
        return database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM image_vectors WHERE embedder_id <> ?")) {
                delete.setString(1, embedderId);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public long count(String embedderId) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*) FROM image_vectors WHERE embedder_id = ?")) {
                select.setString(1, embedderId);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
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
