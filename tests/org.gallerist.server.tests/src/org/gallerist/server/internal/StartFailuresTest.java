package org.gallerist.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class StartFailuresTest {

    @Test
    void theReasonIsTheMessageOfTheFirstExceptionThatIsNotDsWrappingTheConstructor() {
        String constructorFailed = """
                java.lang.reflect.InvocationTargetException
                \tat java.base/jdk.internal.reflect.DirectConstructorHandleAccessor.newInstance(Unknown Source)
                Caused by: java.sql.SQLException: Cannot open PostgreSQL at db:5432/shop: FATAL: password \
                authentication failed for user "gallerist"
                \tat org.gallerist.storage.postgres.internal.PooledDataSource.<init>(PooledDataSource.java:57)
                Caused by: org.postgresql.util.PSQLException: FATAL: password authentication failed
                \t... 20 more
                """;
        assertEquals("Cannot open PostgreSQL at db:5432/shop: FATAL: password authentication failed for user"
                + " \"gallerist\"", StartFailures.firstLine(constructorFailed));
        assertEquals("Not a PostgreSQL JDBC URL: x", StartFailures.firstLine(
                "java.lang.IllegalArgumentException: Not a PostgreSQL JDBC URL: x\n\tat a.B.c(B.java:1)\n"));
        assertEquals("", StartFailures.firstLine("java.lang.reflect.InvocationTargetException\n"),
                "a wrapper alone says nothing");
    }

    @Test
    void theEnginesOwnReasonWinsOverTheStoresThatFailedBecauseOfIt() {
        assertEquals(Optional.of("Cannot open PostgreSQL at db:5432/shop: refused"), StartFailures.cause(List.of(
                "Unable to get service for reference database", "Cannot open PostgreSQL at db:5432/shop: refused",
                "Unable to get service for reference engine")));
        assertEquals(Optional.of("Unable to get service for reference database"),
                StartFailures.cause(List.of("Unable to get service for reference database")));
        assertEquals(Optional.empty(), StartFailures.cause(List.of()));
    }
}
