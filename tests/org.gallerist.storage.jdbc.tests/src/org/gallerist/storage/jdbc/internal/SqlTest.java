package org.gallerist.storage.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SqlTest {

    private ScratchDerby derby;

    @BeforeEach
    void open() throws SQLException {
        derby = new ScratchDerby();
        derby.autoCommit(sql -> {
            sql.execute("CREATE TABLE parents (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " name VARCHAR(20) NOT NULL UNIQUE, count INT, price DECIMAL(10, 2), flag BOOLEAN,"
                    + " data VARCHAR(16) FOR BIT DATA, note VARCHAR(20))");
            sql.execute("CREATE TABLE children (parent_id BIGINT NOT NULL REFERENCES parents (id))");
            return null;
        });
    }

    @AfterEach
    void close() {
        derby.close();
    }

    @Test
    void bindsValuesByTheirJavaTypeAndNullAsSqlNull() throws SQLException {
        long id = derby.autoCommit(sql -> sql.insert("INSERT INTO parents (name, count, price, flag, data, note)"
                + " VALUES (?, ?, ?, ?, ?, ?)", "a", 7, new BigDecimal("9.50"), true, new byte[] { 1, 2 }, null));

        List<Object> row = derby.autoCommit(sql -> sql.one("SELECT name, count, price, flag, data, note FROM parents"
                + " WHERE id = ?", r -> {
                    List<Object> columns = new ArrayList<>();
                    for (int column = 1; column <= 6; column++) {
                        columns.add(r.getObject(column));
                    }
                    return columns;
                }, id));
        assertEquals(List.of("a", 7, new BigDecimal("9.50"), true), row.subList(0, 4));
        assertArrayEquals(new byte[] { 1, 2 }, (byte[]) row.get(4));
        assertNull(row.get(5));
    }

    @Test
    void insertReturnsEachRowsGeneratedKey() throws SQLException {
        long first = derby.autoCommit(sql -> sql.insert("INSERT INTO parents (name) VALUES (?)", "a"));
        long second = derby.autoCommit(sql -> sql.insert("INSERT INTO parents (name) VALUES (?)", "b"));

        assertEquals(first + 1, second);
    }

    @Test
    void queriesMapRowsInResultOrder() throws SQLException {
        derby.autoCommit(sql -> sql.update("INSERT INTO parents (name, count) VALUES ('b', 2), ('a', 1), ('c', 3)"));

        assertEquals(List.of("a", "b", "c"),
                derby.autoCommit(sql -> sql.list("SELECT name FROM parents ORDER BY name", r -> r.getString(1))));
        assertEquals(List.of("c"), derby.autoCommit(
                sql -> sql.list("SELECT name FROM parents WHERE count > ?", r -> r.getString(1), 2)));
        assertEquals(Optional.of(2), derby.autoCommit(
                sql -> sql.optional("SELECT count FROM parents WHERE name = ?", r -> r.getInt(1), "b")));
        assertEquals(Optional.empty(), derby.autoCommit(
                sql -> sql.optional("SELECT count FROM parents WHERE name = ?", r -> r.getInt(1), "z")));
        assertTrue(derby.autoCommit(sql -> sql.exists("SELECT 1 FROM parents WHERE name = ?", "a")));
        assertFalse(derby.autoCommit(sql -> sql.exists("SELECT 1 FROM parents WHERE name = ?", "z")));
        assertEquals(2, derby.autoCommit(sql -> sql.update("DELETE FROM parents WHERE count < ?", 3)));
    }

    @Test
    void oneFailsLikeSqlWhenThereIsNoRow() {
        assertThrows(SQLException.class,
                () -> derby.autoCommit(sql -> sql.one("SELECT 1 FROM parents", r -> r.getInt(1))));
    }

    @Test
    void aValueOfAnotherTypeIsRefusedBeforeTheStatementRuns() {
        assertThrows(IllegalArgumentException.class, () -> derby.autoCommit(
                sql -> sql.update("INSERT INTO parents (name) VALUES (?)", new StringBuilder("a"))));
    }

    @Test
    void constraintViolationsAreToldApart() throws SQLException {
        long id = derby.autoCommit(sql -> sql.insert("INSERT INTO parents (name) VALUES (?)", "a"));

        SQLException duplicate = assertThrows(SQLException.class,
                () -> derby.autoCommit(sql -> sql.insert("INSERT INTO parents (name) VALUES (?)", "a")));
        SQLException noParent = assertThrows(SQLException.class,
                () -> derby.autoCommit(sql -> sql.update("INSERT INTO children (parent_id) VALUES (?)", id + 1)));

        assertTrue(Sql.isDuplicateKey(duplicate));
        assertFalse(Sql.isForeignKeyViolation(duplicate));
        assertTrue(Sql.isForeignKeyViolation(noParent));
        assertFalse(Sql.isDuplicateKey(noParent));
    }

    @Test
    void aTransactionCommitsOnSuccessAndRollsBackOnAnyFailure() throws SQLException {
        derby.autoCommit(sql -> sql.inTransaction(tx -> tx.update("INSERT INTO parents (name) VALUES ('kept')")));
        assertThrows(IllegalStateException.class, () -> derby.autoCommit(sql -> sql.inTransaction(tx -> {
            tx.update("INSERT INTO parents (name) VALUES ('runtime')");
            throw new IllegalStateException("fails after the insert");
        })));
        assertThrows(SQLException.class, () -> derby.autoCommit(sql -> sql.inTransaction(tx -> {
            tx.update("INSERT INTO parents (name) VALUES ('sql')");
            return tx.update("INSERT INTO parents (name) VALUES ('kept')");
        })));

        assertEquals(List.of("kept"),
                derby.autoCommit(sql -> sql.list("SELECT name FROM parents", r -> r.getString(1))));
    }

    @Test
    void anAttemptThatFailsUndoesItselfOnlyAndTheTransactionGoesOn() throws SQLException {
        derby.autoCommit(sql -> sql.update("INSERT INTO parents (name) VALUES ('taken')"));
        derby.autoCommit(sql -> sql.inTransaction(tx -> {
            tx.update("INSERT INTO parents (name) VALUES ('before')");
            SQLException duplicate = assertThrows(SQLException.class,
                    () -> tx.attempt(inner -> inner.update("INSERT INTO parents (name) VALUES ('taken')")));
            assertTrue(Sql.isDuplicateKey(duplicate));
            return tx.update("INSERT INTO parents (name) VALUES ('after')");
        }));
        assertEquals(List.of("after", "before", "taken"), derby.autoCommit(sql -> sql.list(
                "SELECT name FROM parents ORDER BY name", r -> r.getString(1))));
    }

    @Test
    void anAttemptWhoseTransactionTheEngineRolledBackWholeSaysWhy() throws SQLException {
        try (Connection connection = derby.engine().connect()) {
            Sql sql = new Sql(connection);
            SQLException victim = new SQLException("chosen as the deadlock victim", "40001");
            SQLException thrown = assertThrows(SQLException.class, () -> sql.inTransaction(tx -> tx.attempt(inner -> {
                connection.rollback(); // as Derby does to a deadlock victim: the savepoint goes with the rest
                throw victim;
            })));
            assertSame(victim, thrown, "the reason to retry, not the lost savepoint");
            assertEquals(1, thrown.getSuppressed().length);
        }
    }

    @Test
    void tablesAreFoundByTheirStoredName() throws SQLException {
        assertTrue(derby.autoCommit(sql -> sql.tableExists("PARENTS")));
        assertFalse(derby.autoCommit(sql -> sql.tableExists("ORPHANS")));
    }

    @Test
    void placeholdersFillAnInList() {
        assertEquals("?", Sql.placeholders(1));
        assertEquals("?, ?, ?", Sql.placeholders(3));
    }
}
