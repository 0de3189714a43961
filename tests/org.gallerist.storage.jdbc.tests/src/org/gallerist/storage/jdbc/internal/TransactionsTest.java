package org.gallerist.storage.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.storage.jdbc.StorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactionsTest {

    private static final String DEADLOCK = "40001";

    private ScratchDerby derby;
    private Transactions transactions;
    private final AtomicInteger attempts = new AtomicInteger();

    @BeforeEach
    void open() throws SQLException {
        derby = new ScratchDerby();
        derby.autoCommit(sql -> {
            sql.execute("CREATE TABLE attempts (n INT NOT NULL)");
            return null;
        });
        transactions = new Transactions(derby.engine(), 3);
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
        Transactions unreachable = new Transactions(new FailingEngine(new SQLException("Database not found", "XJ004")),
                3);

        assertEquals(ErrorCode.INTERNAL,
                assertThrows(GalleristException.class, () -> unreachable.run(sql -> 1)).code());
    }

    @Test
    void aDatabaseOutOfReachIsUnavailableWithoutTheDriversMessage() {
        for (SQLException lost : List.of(new SQLException("Connection to db:5432 refused", "08001"),
                new SQLException("terminating connection due to administrator command", "57P01"),
                new java.sql.SQLTransientConnectionException("gallerist - Connection is not available"))) {
            GalleristException failure = assertThrows(GalleristException.class,
                    () -> new Transactions(new FailingEngine(lost), 3).run(sql -> 1));
            assertEquals(ErrorCode.UNAVAILABLE, failure.code());
            assertEquals(Transactions.UNAVAILABLE_MESSAGE, failure.getMessage());
        }
    }

    @Test
    void aConnectionThatBrokeIdleInThePoolIsReplacedButOneThatBrokeMidWayIsNot() throws SQLException {
        SQLException terminated = new SQLException("terminating connection due to administrator command", "57P01");
        Transactions afterRestart = new Transactions(new StaleFirst(derby.engine(), terminated, false), 3);
        assertEquals(2, afterRestart.run(failingFirst(0, DEADLOCK)), "run again on a good connection");
        assertEquals(List.of(2), committed(), "the first run's insert never reached the database");

        Transactions midWay = new Transactions(new StaleFirst(derby.engine(), terminated, true), 3);
        assertEquals(ErrorCode.UNAVAILABLE, assertThrows(GalleristException.class, () -> midWay.run(sql -> {
            sql.update("INSERT INTO attempts (n) VALUES (?)", 2);
            return sql.update("INSERT INTO attempts (n) VALUES (?)", 3);
        })).code(), "once the database has done something, whether it committed is unknown: no second run");
        assertEquals(List.of(2), committed(), "and the broken transaction left nothing");
    }

    /**
     * The engine's first connection is broken: at its first statement, or ({@code afterOne}) at its second, the first
     * one having run for real.
     */
    private static final class StaleFirst implements StorageEngine.Forwarding {
        private final StorageEngine real;
        private final SQLException broken;
        private final boolean afterOne;
        private boolean handedOut;

        StaleFirst(StorageEngine real, SQLException broken, boolean afterOne) {
            this.real = real;
            this.broken = broken;
            this.afterOne = afterOne;
        }

        @Override
        public Connection connect() throws SQLException {
            Connection connection = real.connect();
            if (handedOut) {
                return connection;
            }
            handedOut = true;
            int[] prepared = { 0 };
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement") && prepared[0]++ >= (afterOne ? 1 : 0)) {
                            throw broken;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public StorageEngine delegate() {
            return real;
        }
    }

    @Test
    void aWriteTheEngineCallsDiskFullIsStorageFullWithoutTheEnginesMessage() {
        Transactions full = new Transactions(new FailingEngine(new SQLException("could not extend file", "53100")), 3);

        GalleristException failure = assertThrows(GalleristException.class, () -> full.run(sql -> 1));

        assertEquals(ErrorCode.STORAGE_FULL, failure.code());
        assertFalse(failure.getMessage().contains("extend"), failure.getMessage());
    }

    /** An engine that cannot connect; it calls SQLState 53100 (PostgreSQL's disk_full) a full disk. */
    private record FailingEngine(SQLException failure) implements StorageEngine {

        @Override
        public Connection connect() throws SQLException {
            throw failure;
        }

        @Override
        public boolean rolledBackWhole(SQLException e) {
            return false;
        }

        @Override
        public boolean isStorageFull(SQLException e) {
            return "53100".equals(e.getSQLState());
        }

        @Override
        public String describe() {
            return "nowhere";
        }
    }
}
