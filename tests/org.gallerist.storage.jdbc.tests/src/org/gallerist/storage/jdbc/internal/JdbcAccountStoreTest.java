package org.gallerist.storage.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.Role;
import org.gallerist.api.User;
import org.gallerist.api.account.AuthorizedKey;
import org.gallerist.spi.storage.PendingReset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.gallerist.tests.harness.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass(name = "on {0}")
@ValueSource(strings = { EngineUnderTest.DERBY, EngineUnderTest.POSTGRESQL })
class JdbcAccountStoreTest {

    @Parameter
    String kind;

    @RegisterExtension
    final SharedPostgres postgres = new SharedPostgres();

    @TempDir
    Path dataDir;

    private EngineUnderTest engine;
    private JdbcDatabase database;
    private JdbcAccountStore store;

    @BeforeEach
    void open() throws Exception {
        database = (engine = EngineUnderTest.start(kind, dataDir, postgres)).database();
        store = new JdbcAccountStore(database);
    }

    @AfterEach
    void close() throws Exception {
        engine.close();
    }

    @Test
    void everyNewAccountIsAUserTheFirstToo() {
        assertEquals(Role.USER, store.createUser("alice", "h1", List.of()).role());
        assertEquals(Role.USER, store.createUser("bob", "h2", List.of()).role());
        assertFalse(store.hasAdmin());
        assertEquals(List.of("alice", "bob"), store.listUsers().stream().map(User::name).toList());
        assertEquals("h2", store.passwordHash("bob").orElseThrow());
    }

    @Test
    void rolesChangeAndTheLastAdminStaysOne() {
        store.createUser("alice", "h", List.of());
        store.createUser("bob", "h", List.of());
        assertTrue(store.setRole("alice", Role.ADMIN));
        assertTrue(store.hasAdmin());
        assertFalse(store.setRole("nobody", Role.ADMIN), "no such user");

        GalleristException last = assertThrows(GalleristException.class, () -> store.setRole("alice", Role.USER));
        assertEquals(ErrorCode.FORBIDDEN, last.code());
        assertTrue(last.getMessage().contains("last admin"), last.getMessage());
        assertEquals(Role.ADMIN, store.findUser("alice").orElseThrow().role(), "unchanged");

        assertTrue(store.setRole("bob", Role.ADMIN));
        assertTrue(store.setRole("alice", Role.USER), "another admin exists");
        assertEquals(Role.USER, store.findUser("alice").orElseThrow().role());
        assertTrue(store.setRole("alice", Role.USER), "a user demoted again stays a user");
    }

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveOne() throws Exception {
        store.createUser("alice", "h", List.of());
        store.createUser("bob", "h", List.of());
        store.setRole("alice", Role.ADMIN);
        store.setRole("bob", Role.ADMIN);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (String name : List.of("alice", "bob")) {
                results.add(pool.submit(() -> {
                    try {
                        return store.setRole(name, Role.USER);
                    } catch (GalleristException refused) {
                        return false;
                    }
                }));
            }
            long demoted = 0;
            for (Future<Boolean> result : results) {
                demoted += result.get() ? 1 : 0;
            }
            assertEquals(1, demoted);
            assertEquals(1, store.listUsers().stream().filter(User::isAdmin).count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTakenNameIsRejectedAndNothingChanges() {
        store.createUser("alice", "first", List.of());
        GalleristException e = assertThrows(GalleristException.class, () -> store.createUser("alice", "second", List.of()));
        assertEquals(ErrorCode.USER_EXISTS, e.code());
        assertEquals("first", store.passwordHash("alice").orElseThrow());
        assertEquals(1, store.listUsers().size());
    }

    @Test
    void aResetReplacesThePasswordHashUntilANewOneIsSet() {
        store.createUser("alice", "old-hash", List.of());
        store.createUser("bob", "bob-hash", List.of());
        assertTrue(store.pendingReset("alice").isEmpty());
        PendingReset reset = new PendingReset("token-hash", Instant.ofEpochMilli(86_400_000));
        assertTrue(store.startPasswordReset("alice", reset));
        assertFalse(store.startPasswordReset("nobody", reset));
        assertEquals(reset, store.pendingReset("alice").orElseThrow());
        assertFalse(store.passwordHash("alice").orElseThrow().equals("old-hash"), "the old password stops working");
        assertTrue(store.pendingReset("bob").isEmpty(), "only alice's account");

        assertTrue(store.setPasswordHash("alice", "new-hash"));
        assertEquals("new-hash", store.passwordHash("alice").orElseThrow());
        assertTrue(store.pendingReset("alice").isEmpty());
        assertEquals("bob-hash", store.passwordHash("bob").orElseThrow());
        assertFalse(store.setPasswordHash("nobody", "x"));
    }

    @Test
    void keysAreAddedListedAndRemovedPerUser() {
        AuthorizedKey key = new AuthorizedKey("SHA256:abc", "ssh-ed25519", "laptop", "ssh-ed25519 AAAA laptop",
                Instant.ofEpochMilli(1000));
        store.createUser("alice", "h", List.of(key));
        store.createUser("bob", "h", List.of());
        assertEquals(List.of(key), store.keys("alice"));
        assertTrue(store.keys("bob").isEmpty());

        GalleristException duplicate = assertThrows(GalleristException.class, () -> store.addKey("alice", key));
        assertEquals(ErrorCode.DUPLICATE, duplicate.code());

        assertFalse(store.removeKey("bob", "SHA256:abc"), "bob cannot remove alice's key");
        assertTrue(store.removeKey("alice", "SHA256:abc"));
        assertTrue(store.keys("alice").isEmpty());
    }

    @Test
    void dataSurvivesARestartAndMigrationsRunOnce() throws Exception {
        store.createUser("alice", "h", List.of());
        store.setDisabled("alice", true);
        database = engine.reopen();
        store = new JdbcAccountStore(database);
        User alice = store.findUser("alice").orElseThrow();
        assertTrue(alice.disabled());
        assertEquals(Migrations.SCRIPTS.size(),
                database.inTransaction(connection -> new Migrations(connection).currentVersion()));
    }

    @Test
    void unknownUsersAreEmptyNotErrors() {
        assertTrue(store.findUser("nobody").isEmpty());
        assertTrue(store.passwordHash("nobody").isEmpty());
        assertFalse(store.setDisabled("nobody", true));
        assertEquals(ErrorCode.NOT_FOUND,
                assertThrows(GalleristException.class, () -> store.addKey("nobody", new AuthorizedKey("f", "t", "",
                        "l", Instant.EPOCH))).code());
    }
}
