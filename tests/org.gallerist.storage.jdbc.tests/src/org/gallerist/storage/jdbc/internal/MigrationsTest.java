package org.gallerist.storage.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void splitsScriptsIntoStatementsAndDropsComments() {
        String script = """
                -- a comment
                CREATE TABLE a (
                  x INT
                );

                CREATE TABLE b (y INT);
                """;
        assertEquals(List.of("CREATE TABLE a (\n  x INT\n)", "CREATE TABLE b (y INT)"), Migrations.statements(script));
    }
}
