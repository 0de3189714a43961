package org.gallerist.storage.jdbc.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.gallerist.storage.jdbc.RowCopy;
import org.gallerist.storage.jdbc.StorageEngine;

/** {@link RowCopy}'s work: the schema's tables, parents first, each copied in batches and then compared. */
public final class TableCopy {

    /**
     * A table of the schema: the columns that order and identify its rows, the identity column the database
     * numbers (if any), and what else its digest covers.
     */
    private record Table(String name, List<String> key, String identity, List<String> alsoCompared) {
    }

    /** Parents before children. The schema's own bookkeeping (schema_version) is the target's. */
    private static final List<Table> TABLES = List.of(
            new Table("users", List.of("id"), "id", List.of("name", "password_hash")),
            new Table("user_keys", List.of("user_id", "fingerprint"), null, List.of()),
            new Table("images", List.of("id"), "id", List.of("owner_id", "sha256", "original_key")),
            new Table("tags", List.of("id"), "id", List.of("name")),
            new Table("image_tags", List.of("image_id", "tag_id"), null, List.of()),
            new Table("image_vectors", List.of("image_id", "embedder_id"), null, List.of("dimension")),
            new Table("image_photos", List.of("image_id"), null, List.of()),
            new Table("orders", List.of("id"), "id", List.of("buyer_id", "request_key")),
            new Table("order_lines", List.of("order_id", "line_no"), null, List.of("quantity")));
    private static final int BATCH = 500;
    private static final Set<Integer> BINARY = Set.of(Types.BLOB, Types.BINARY, Types.VARBINARY,
            Types.LONGVARBINARY);

    private TableCopy() {
    }

    public static List<RowCopy.Copied> all(StorageEngine from, StorageEngine to, RowCopy.Progress progress)
            throws SQLException {
        try (Connection source = from.connect(); Connection target = to.connect()) {
            new Migrations(new Sql(source)).apply();
            new Migrations(new Sql(target)).apply();
            source.setAutoCommit(true); // reads only, each its own statement; the migrations left it off
            target.setAutoCommit(true);
            SqlDialect dialect = new Sql(target).dialect();
            List<RowCopy.Copied> copied = new ArrayList<>();
            for (Table table : TABLES) {
                copied.add(copy(table, source, target, dialect, progress));
            }
            for (Table table : TABLES) {
                compare(table, source, target);
            }
            return copied;
        }
    }

    private static RowCopy.Copied copy(Table table, Connection source, Connection target, SqlDialect dialect,
            RowCopy.Progress progress) throws SQLException {
        long total = count(source, table.name());
        long rows = 0;
        long added = 0;
        target.setAutoCommit(false);
        try (Statement read = source.createStatement();
                ResultSet all = read.executeQuery("SELECT * FROM " + table.name() + " ORDER BY "
                        + String.join(", ", table.key()))) {
            ResultSetMetaData columns = all.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                names.add(columns.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            try (PreparedStatement insert = target.prepareStatement(dialect.insertKeepingKeys(table.name(), names))) {
                int inBatch = 0;
                while (all.next()) {
                    for (int i = 1; i <= names.size(); i++) {
                        if (BINARY.contains(columns.getColumnType(i))) {
                            insert.setBytes(i, all.getBytes(i));
                        } else {
                            insert.setObject(i, all.getObject(i));
                        }
                    }
                    insert.addBatch();
                    rows++;
                    if (++inBatch == BATCH) {
                        added += commit(insert, target);
                        inBatch = 0;
                        progress.copied(table.name(), rows, total);
                    }
                }
                added += commit(insert, target);
            }
        } catch (SQLException | RuntimeException e) {
            target.rollback();
            throw e;
        } finally {
            target.setAutoCommit(true);
        }
        if (table.identity() != null) {
            try (Statement reset = target.createStatement()) {
                reset.execute(dialect.continueIdentityAfterMax(table.name(), table.identity()));
            }
        }
        progress.copied(table.name(), rows, total);
        return new RowCopy.Copied(table.name(), rows, added);
    }

    private static long commit(PreparedStatement insert, Connection target) throws SQLException {
        long added = Arrays.stream(insert.executeBatch()).filter(count -> count > 0).count();
        target.commit();
        return added;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The same rows on both sides: as many, with the same keys and the same compared columns, in key order. */
    private static void compare(Table table, Connection source, Connection target) throws SQLException {
        String inSource = digest(table, source);
        String inTarget = digest(table, target);
        if (!inSource.equals(inTarget)) {
            throw new IllegalStateException("The copy of " + table.name() + " differs from the original ("
                    + count(source, table.name()) + " rows there, " + count(target, table.name()) + " here): the"
                    + " target database held other rows. Copy into an empty database.");
        }
    }

    /**
     * A digest of the rows' key and compared columns that does not depend on their order (the engines sort text by
     * different collations): the sum of each row's SHA-256, modulo 2^256.
     */
    private static String digest(Table table, Connection connection) throws SQLException {
        List<String> columns = new ArrayList<>(table.key());
        columns.addAll(table.alsoCompared());
        BigInteger sum = BigInteger.ZERO;
        MessageDigest digest = sha256();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT " + String.join(", ", columns) + " FROM "
                        + table.name())) {
            while (rows.next()) {
                for (int i = 1; i <= columns.size(); i++) {
                    digest.update(String.valueOf(rows.getObject(i)).getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0x1f);
                }
                sum = sum.add(new BigInteger(1, digest.digest()));
            }
        }
        return sum.mod(BigInteger.TWO.pow(256)).toString(16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
