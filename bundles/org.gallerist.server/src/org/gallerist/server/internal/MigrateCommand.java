package org.gallerist.server.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.gallerist.storage.derby.EmbeddedDerby;
import org.gallerist.storage.jdbc.RowCopy;
import org.gallerist.storage.postgres.PostgresPool;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gallerist-server migrate --from DATA --database URL}: copies the rows of an embedded installation (its
 * Derby in {@code DATA/db}) into a PostgreSQL database, with a progress line per batch; run again, it resumes. The
 * server of that data folder must be stopped (Derby lets one process open it). The image files stay where they are:
 * start the server with the same {@code --data} and the new {@code --database}.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Copies an embedded installation's rows into PostgreSQL; run again, it resumes.",
        footer = { "", "Stop the server of DATA first. The image files stay in DATA; start the server with",
                "--data DATA --database URL afterwards. Exit status: 0 copied and verified, 1 failed, 2 usage." })
public final class MigrateCommand implements Callable<Integer> {

    public static final String NAME = "migrate";
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    @Option(names = "--from", paramLabel = "DATA", required = true,
            description = "The data folder of the embedded installation.")
    Path from;

    @Option(names = "--database", paramLabel = "URL", required = true, description = { "The PostgreSQL database,",
            "jdbc:postgresql://HOST[:PORT]/DB (login as for the server's --database)." })
    String database;

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;
    private long lastProgress;

    MigrateCommand(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    /** Parses and runs {@code migrate ARGS...}; the exit status. */
    public static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(new MigrateCommand(environment, out, err));
        line.setOut(new java.io.PrintWriter(out, true)).setErr(new java.io.PrintWriter(err, true));
        return line.execute(args.toArray(String[]::new));
    }

    @Override
    public Integer call() {
        Path data = from.toAbsolutePath().normalize();
        if (!Files.isDirectory(data.resolve("db"))) {
            err.println("Gallerist migrate: " + data + " holds no embedded database (no db folder); nothing to copy.");
            return 1;
        }
        try (EmbeddedDerby source = new EmbeddedDerby(data);
                PostgresPool target = new PostgresPool(database, environment, 2)) {
            out.println("Copying the rows of " + source.describe() + " into " + target.describe());
            List<RowCopy.Copied> copied = RowCopy.copy(source, target, this::progress);
            long rows = copied.stream().mapToLong(RowCopy.Copied::rows).sum();
            long added = copied.stream().mapToLong(RowCopy.Copied::added).sum();
            out.println("Copied and verified " + rows + " rows (" + added + " new, " + (rows - added)
                    + " there already). Start the server with --data " + data + " --database " + redacted());
            return 0;
        } catch (SQLException | IllegalArgumentException | IllegalStateException e) {
            err.println("Gallerist migrate: " + oneLine(e) + " Nothing copied so far is lost; run it again to resume.");
            return 1;
        } catch (java.io.IOException e) {
            err.println("Gallerist migrate: " + data + " cannot be opened (" + e.getMessage() + ").");
            return 1;
        }
    }

    private void progress(String table, long rows, long total) {
        long now = System.nanoTime();
        if (rows == total || now - lastProgress >= PROGRESS_EVERY_NANOS) {
            lastProgress = now;
            out.println("  " + table + ": " + rows + " of " + total + " rows");
        }
    }

    /** The URL as the operator gave it, without a password in it. */
    private String redacted() {
        return database.replaceAll("password=[^&]*", "password=...");
    }

    /** Derby's "another JVM has booted it" (XSDB6) is the server still running; the rest says itself. */
    private static String oneLine(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "XSDB6".equals(sql.getSQLState())) {
                return "the embedded database is in use: stop the server of that data folder first.";
            }
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.lines().findFirst().orElse("").strip() + (message.endsWith(".") ? "" : ".");
    }
}
