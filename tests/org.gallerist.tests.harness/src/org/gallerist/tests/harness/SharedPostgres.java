package org.gallerist.tests.harness;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real PostgreSQL 15 cluster ({@link PostgresEngine}) for every test of the run that asks for a database, started
 * at the first request and stopped when the run ends; each {@link #newDatabase()} is a database of its own, so tests
 * stay apart without a cluster (2 s) each:
 *
 * <pre>
 * &#64;RegisterExtension
 * final SharedPostgres postgres = new SharedPostgres();
 * ...
 * String url = postgres.newDatabase(); // jdbc:postgresql://127.0.0.1:PORT/test_N, user and password in USER, PASSWORD
 * </pre>
 *
 * Without PostgreSQL the asking test is skipped, or fails where {@code gallerist.requirePostgres} is true.
 */
public final class SharedPostgres implements BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPostgres.class);
    private static final String NAMES = "names";

    private ExtensionContext root;

    @Override
    public void beforeEach(ExtensionContext context) {
        root = context.getRoot();
    }

    /** The run's cluster, started if this is the first request; the run closes it (it is {@link AutoCloseable}). */
    public PostgresEngine engine() {
        if (root == null) {
            throw new IllegalStateException("SharedPostgres is used from a test, after its @BeforeEach");
        }
        return root.getStore(NAMESPACE).getOrComputeIfAbsent(PostgresEngine.class, type -> {
            try {
                return PostgresEngine.start();
            } catch (RuntimeException e) {
                throw e; // a skip, or a failed assertion, as it is
            } catch (Exception e) {
                throw new IllegalStateException("PostgreSQL could not be started", e);
            }
        }, PostgresEngine.class);
    }

    /** A new, empty database on the run's cluster, owned by {@link PostgresEngine#USER}; its JDBC URL. */
    public String newDatabase() throws Exception {
        PostgresEngine engine = engine();
        AtomicInteger names = root.getStore(NAMESPACE).getOrComputeIfAbsent(NAMES, key -> new AtomicInteger(),
                AtomicInteger.class);
        return engine.createDatabase("test_" + names.incrementAndGet());
    }
}
