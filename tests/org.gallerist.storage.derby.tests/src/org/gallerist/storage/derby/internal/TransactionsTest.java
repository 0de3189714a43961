package org.gallerist.storage.derby.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactionsTest {

    private static final String DEADLOCK = "40001";

    private InMemoryDerby derby;
    private Transactions transactions;
    private final AtomicInteger attempts = new AtomicInteger();

    @BeforeEach
    void open() throws SQLException {
        derby = new InMemoryDerby();
        derby.autoCommit(sql -> {
            sql.execute("CREATE TABLE attempts (n INT NOT NULL)");
            return null;
        });
        transactions = new Transactions(derby::connect, Set.of(DEADLOCK), 3);
    }

    @AfterEach
    void close() {
        derby.close();
    }

    /** Records the attempt in the table, then fails as told for the first {@code failures} attempts. */
    private SqlWork<Integer> failingFirst(int failures, String sqlState) {
        return sql -> {
            int attempt = attempts.incrementAndGet();
            sql.update("INSERT INTO attempts (n) VALUES (?)", attempt);
            if (attempt <= failures) {
                throw new SQLTransactionRollbackException("chosen as the victim", sqlState);
            }
            return attempt;
        };
    }

    private List<Integer> committed() throws SQLException {
        return derby.autoCommit(sql -> sql.list("SELECT n FROM attempts ORDER BY n", row -> row.getInt(1)));
    }

    @Test
    void aTransactionRolledBackWholeRunsAgainAndOnlyTheLastAttemptCommits() throws SQLException {
        assertEquals(3, transactions.run(failingFirst(2, DEADLOCK)));
        assertEquals(List.of(3), committed());
    }

    @Test
    void retriesStopAfterTheLastAttempt() throws SQLException {
        GalleristException failure = assertThrows(GalleristException.class,
                () -> transactions.run(failingFirst(Integer.MAX_VALUE, DEADLOCK)));

        assertEquals(ErrorCode.INTERNAL, failure.code());
        assertEquals(3, attempts.get());
        assertEquals(List.of(), committed());
    }

    @Test
    void otherSqlFailuresAreNotRetried() throws SQLException {
        GalleristException failure = assertThrows(GalleristException.class,
                () -> transactions.run(failingFirst(Integer.MAX_VALUE, "42X05")));

        assertEquals(ErrorCode.INTERNAL, failure.code());
        assertEquals(Transactions.FAILURE_MESSAGE, failure.getMessage(), "the database's message stays in the log");
        assertEquals(1, attempts.get());
        assertEquals(List.of(), committed());
    }

    @Test
    void runtimeExceptionsPassUnchangedAfterTheRollback() throws SQLException {
        GalleristException notFound = new GalleristException(ErrorCode.NOT_FOUND, "No image #1.");

        GalleristException thrown = assertThrows(GalleristException.class, () -> transactions.run(sql -> {
            failingFirst(0, DEADLOCK).run(sql);
            throw notFound;
        }));

        assertSame(notFound, thrown);
        assertEquals(1, attempts.get());
        assertEquals(List.of(), committed());
    }

    @Test
    void aConnectionThatCannotBeOpenedIsAStorageFailure() {
        Transactions unreachable = new Transactions(() -> {
            throw new SQLException("Database not found", "XJ004");
        }, Set.of(DEADLOCK), 3);

        assertEquals(ErrorCode.INTERNAL,
                assertThrows(GalleristException.class, () -> unreachable.run(sql -> 1)).code());
    }
}
