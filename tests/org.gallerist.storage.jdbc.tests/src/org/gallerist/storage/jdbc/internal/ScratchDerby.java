package org.gallerist.storage.jdbc.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

import org.gallerist.storage.derby.EmbeddedDerby;

/** A throw-away embedded Derby in a temporary folder for tests of the JDBC helpers, deleted on close. */
final class ScratchDerby implements AutoCloseable {

    private final Path folder;
    private final EmbeddedDerby engine;

    ScratchDerby() throws SQLException {
        try {
            folder = Files.createTempDirectory("gallerist-derby");
            engine = new EmbeddedDerby(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    EmbeddedDerby engine() {
        return engine;
    }

    /** Runs statements in auto-commit mode, for setting up and checking. */
    <T> T autoCommit(SqlWork<T> work) throws SQLException {
        try (Connection connection = engine.connect()) {
            return work.run(new Sql(connection));
        }
    }

    @Override
    public void close() {
        engine.close();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
