package org.gallerist.storage.jdbc.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Savepoint;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The statements a store runs on one connection, inside the caller's transaction: each call prepares its statement,
 * binds the values in order, and closes all it opened. Plain JDBC and standard SQLStates only, so that a store on
 * another database can use it as it is.
 */
public final class Sql {

    /** Reads the current row; never moves the cursor. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Takes the current row; never moves the cursor. */
    @FunctionalInterface
    public interface RowHandler {
        void handle(ResultSet row) throws SQLException;
    }

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private final Connection connection;
    private SqlDialect dialect;
    private int completed;
    /** The channels this transaction announces on at its commit. */
    private final Set<String> announced = new HashSet<>();

    Sql(Connection connection) {
        this.connection = connection;
    }

    /**
     * How many statements the database has run for this object: none means a failure came before the database did
     * anything of the transaction (a connection that was already broken), so it may run again elsewhere.
     */
    int completedStatements() {
        return completed;
    }

    private <T> T executed(T result) {
        completed++;
        return result;
    }

    /** The SQL engine this connection talks to, for the little SQL that differs between engines. */
    SqlDialect dialect() throws SQLException {
        if (dialect == null) {
            dialect = SqlDialect.of(this);
        }
        return dialect;
    }

    /**
     * Makes every node listening on the channel hear of this transaction when it commits (and not if it rolls back),
     * where the engine can; once per transaction however often it is asked.
     */
    void announce(String channel) throws SQLException {
        if (announced.add(channel)) {
            Optional<String> statement = dialect().announce(channel);
            if (statement.isPresent()) {
                execute(statement.get());
            }
        }
    }

    /**
     * Runs statements that may fail expectedly (a duplicate key, say) so that the transaction can go on after the
     * failure, which it rethrows: PostgreSQL refuses every further statement of a transaction after an error unless
     * it is rolled back to a savepoint before it, where Derby undoes only the failed statement.
     */
    public <T> T attempt(SqlWork<T> work) throws SQLException {
        Savepoint before = connection.setSavepoint();
        T result;
        try {
            result = work.run(this);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback(before);
            } catch (SQLException gone) {
                // the engine rolled the whole transaction back (Derby's deadlock victim), savepoint and all: what
                // counts is why, which Transactions may retry
                e.addSuppressed(gone);
            }
            throw e;
        }
        connection.releaseSavepoint(before);
        return result;
    }

    /** Every row, mapped, in the order of the result. */
    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... values) throws SQLException {
        List<T> result = new ArrayList<>();
        forEach(sql, row -> result.add(mapper.map(row)), values);
        return result;
    }

    /** The first row, mapped, or empty if there is none. */
    public <T> Optional<T> optional(String sql, RowMapper<T> mapper, Object... values) throws SQLException {
        try (PreparedStatement statement = prepare(sql, values); ResultSet rows = executed(statement.executeQuery())) {
            return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
        }
    }

    /** The first row, mapped, for queries that always return one (an aggregate, a row this transaction locked). */
    public <T> T one(String sql, RowMapper<T> mapper, Object... values) throws SQLException {
        Optional<T> row = optional(sql, mapper, values);
        if (row.isEmpty()) {
            throw new SQLException("No row from: " + sql);
        }
        return row.get();
    }

    public boolean exists(String sql, Object... values) throws SQLException {
        return optional(sql, row -> Boolean.TRUE, values).isPresent();
    }

    /** Hands each row to the handler as it is read, so a large result never sits in memory at once. */
    public void forEach(String sql, RowHandler handler, Object... values) throws SQLException {
        try (PreparedStatement statement = prepare(sql, values); ResultSet rows = executed(statement.executeQuery())) {
            while (rows.next()) {
                handler.handle(rows);
            }
        }
    }

    /** @return the number of rows inserted, updated or deleted */
    public int update(String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = prepare(sql, values)) {
            return executed(statement.executeUpdate());
        }
    }

    /** Inserts one row and returns the key the database generated for it. */
    public long insert(String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(statement, values);
            executed(statement.executeUpdate());
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("No generated key from: " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    /** Runs a statement without parameters, such as DDL or a table lock. */
    public void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            executed(statement.execute(sql));
        }
    }

    /** The engine's name as JDBC reports it ("Apache Derby", "PostgreSQL"). */
    public String productName() throws SQLException {
        return connection.getMetaData().getDatabaseProductName();
    }

    /** Whether the current schema has a table of this name, however the engine stores unquoted names. */
    public boolean tableExists(String name) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        // An unquoted name is stored in upper case by Derby and in lower case by PostgreSQL.
        String stored = meta.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT)
                : meta.storesLowerCaseIdentifiers() ? name.toLowerCase(Locale.ROOT) : name;
        try (ResultSet tables = meta.getTables(null, null, stored, null)) {
            return tables.next();
        }
    }

    /**
     * Runs the work in one transaction on this connection: commits on success and rolls back on any failure,
     * which it rethrows (a rollback that fails too, on a connection that broke, is added to it as suppressed).
     * Auto-commit stays off afterwards.
     */
    public <T> T inTransaction(SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        announced.clear();
        try {
            T result = work.run(this);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            throw e;
        }
    }

    /** A unique or primary key constraint refused the row. */
    public static boolean isDuplicateKey(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    /** A foreign key constraint refused the row: what it refers to does not exist (any more). */
    public static boolean isForeignKeyViolation(SQLException e) {
        return FOREIGN_KEY_VIOLATION.equals(e.getSQLState());
    }

    /** {@code ?, ?, ?} for an {@code IN (...)} list of that many values. */
    public static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private PreparedStatement prepare(String sql, Object... values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bind(statement, values);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** Binds by the value's Java type; {@code null} as SQL NULL of the parameter's declared type. */
    static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            int index = i + 1;
            Object value = values[i];
            if (value == null) {
                statement.setNull(index, statement.getParameterMetaData().getParameterType(index));
            } else if (value instanceof Long number) {
                statement.setLong(index, number);
            } else if (value instanceof Integer number) {
                statement.setInt(index, number);
            } else if (value instanceof BigDecimal decimal) {
                statement.setBigDecimal(index, decimal);
            } else if (value instanceof Boolean flag) {
                statement.setBoolean(index, flag);
            } else if (value instanceof byte[] bytes) {
                statement.setBytes(index, bytes);
            } else if (value instanceof String text) {
                statement.setString(index, text);
            } else {
                throw new IllegalArgumentException("Cannot bind a " + value.getClass().getName() + " to parameter "
                        + index + "; pass a String, number, Boolean or byte[]");
            }
        }
    }
}
