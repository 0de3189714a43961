package org.gallerist.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.Role;
import org.gallerist.api.User;
import org.gallerist.api.account.AuthorizedKey;
import org.gallerist.api.account.PasswordReset;
import org.gallerist.core.account.PasswordHasher;
import org.gallerist.spi.storage.AccountStore;
import org.gallerist.spi.storage.PendingReset;
import org.junit.jupiter.api.Test;

/**
 * The reset rules where time matters: a token stops working after a day and the account stays locked until an admin
 * resets again. The store is a map here so the clock can be moved; over SSH against Derby the rest is tested in
 * PasswordResetOverSshTest.
 */
class PasswordResetRulesTest {

    private static final User ADMIN = new User("alice", Role.ADMIN, false, Instant.EPOCH);
    private final MapStore store = new MapStore();
    private final MovableClock clock = new MovableClock();
    private final AccountServiceImpl accounts = new AccountServiceImpl(store, new PasswordHasher(1_000), clock);

    @Test
    void theTokenWorksForADayAndNotAfter() {
        accounts.signUp("bob", "first-secret-42".toCharArray(), List.of());
        PasswordReset reset = accounts.resetPassword(ADMIN, "bob");
        assertEquals(clock.instant().plus(Duration.ofHours(24)), reset.expires());
        assertTrue(reset.token().matches("[a-z2-9]{5}(-[a-z2-9]{5}){3}"), reset.token());
        assertFalse(accounts.checkPassword("bob", "first-secret-42".toCharArray()), "the old password is gone");
        assertTrue(accounts.checkPassword("bob", reset.token().toCharArray()));
        assertTrue(accounts.checkPassword("bob", reset.token().replace("-", " ").toUpperCase().toCharArray()),
                "groups and case do not matter when typed");

        clock.move(Duration.ofHours(24).plusSeconds(1));
        assertFalse(accounts.checkPassword("bob", reset.token().toCharArray()), "expired");
        assertTrue(accounts.passwordChangeRequired("bob"), "still locked: only a new reset helps");
        GalleristException late = assertThrows(GalleristException.class,
                () -> accounts.changePassword("bob", reset.token().toCharArray(), "second-secret-42".toCharArray()));
        assertEquals(ErrorCode.FORBIDDEN, late.code());

        PasswordReset again = accounts.resetPassword(ADMIN, "bob");
        accounts.changePassword("bob", again.token().toCharArray(), "second-secret-42".toCharArray());
        assertFalse(accounts.passwordChangeRequired("bob"));
        assertTrue(accounts.checkPassword("bob", "second-secret-42".toCharArray()));
        assertFalse(accounts.checkPassword("bob", again.token().toCharArray()), "a token works until it is used");
    }

    @Test
    void aSecondResetReplacesTheFirstToken() {
        accounts.signUp("bob", "first-secret-42".toCharArray(), List.of());
        PasswordReset first = accounts.resetPassword(ADMIN, "bob");
        PasswordReset second = accounts.resetPassword(ADMIN, "bob");
        assertFalse(accounts.checkPassword("bob", first.token().toCharArray()));
        assertTrue(accounts.checkPassword("bob", second.token().toCharArray()));
    }

    @Test
    void fiveWrongCurrentPasswordsStopTheGuessingForAWhile() {
        accounts.signUp("bob", "first-secret-42".toCharArray(), List.of());
        for (int i = 0; i < 5; i++) {
            GalleristException wrong = assertThrows(GalleristException.class,
                    () -> accounts.changePassword("bob", "guess".toCharArray(), "second-secret-42".toCharArray()));
            assertEquals(ErrorCode.FORBIDDEN, wrong.code());
        }
        GalleristException held = assertThrows(GalleristException.class, () -> accounts.changePassword("bob",
                "first-secret-42".toCharArray(), "second-secret-42".toCharArray()));
        assertEquals(ErrorCode.RATE_LIMITED, held.code(), "even the right one, while held");
        clock.move(Duration.ofMinutes(16));
        accounts.changePassword("bob", "first-secret-42".toCharArray(), "second-secret-42".toCharArray());
        assertTrue(accounts.checkPassword("bob", "second-secret-42".toCharArray()));
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T12:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** Only what the reset rules use. */
    private static final class MapStore implements AccountStore {
        private final Map<String, User> users = new HashMap<>();
        private final Map<String, String> hashes = new HashMap<>();
        private final Map<String, PendingReset> resets = new HashMap<>();

        @Override
        public User createUser(String username, String passwordHash, List<AuthorizedKey> keys) {
            User user = new User(username, Role.USER, false, Instant.EPOCH);
            users.put(username, user);
            hashes.put(username, passwordHash);
            return user;
        }

        @Override
        public Optional<User> findUser(String username) {
            return Optional.ofNullable(users.get(username));
        }

        @Override
        public Optional<String> passwordHash(String username) {
            return Optional.ofNullable(hashes.get(username));
        }

        @Override
        public boolean startPasswordReset(String username, PendingReset reset) {
            hashes.put(username, "!reset");
            resets.put(username, reset);
            return users.containsKey(username);
        }

        @Override
        public Optional<PendingReset> pendingReset(String username) {
            return Optional.ofNullable(resets.get(username));
        }

        @Override
        public boolean setPasswordHash(String username, String passwordHash) {
            hashes.put(username, passwordHash);
            resets.remove(username);
            return users.containsKey(username);
        }

        @Override
        public boolean hasAdmin() {
            return true;
        }

        @Override
        public void addKey(String username, AuthorizedKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AuthorizedKey> keys(String username) {
            return List.of();
        }

        @Override
        public boolean removeKey(String username, String fingerprint) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<User> listUsers() {
            return List.copyOf(users.values());
        }

        @Override
        public boolean setDisabled(String username, boolean disabled) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean setRole(String username, Role role) {
            throw new UnsupportedOperationException();
        }
    }
}
