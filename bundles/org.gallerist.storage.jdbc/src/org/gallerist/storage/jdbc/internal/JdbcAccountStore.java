package org.gallerist.storage.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.Role;
import org.gallerist.api.User;
import org.gallerist.spi.storage.AccountStore;
import org.gallerist.spi.storage.PendingReset;
import org.gallerist.api.account.AuthorizedKey;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Users and their keys in Derby; every method is one transaction. */
@Component(service = AccountStore.class)
public class JdbcAccountStore implements AccountStore {

    private static final String USER_COLUMNS = "name, role, disabled, created_ms";
    /** Stands in for the password hash while a reset is pending: not in the hash format, so nothing matches it. */
    private static final String NO_PASSWORD = "!reset";

    private final JdbcDatabase database;

    @Activate
    public JdbcAccountStore(@Reference JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public User createUser(String username, String passwordHash, List<AuthorizedKey> keys) {
        return database.inTransaction(sql -> {
            // No account is created an admin, the first one neither: the first admin is made on the console or with
            // the token the server logs at start (see AccountService.claimAdmin).
            Role role = Role.USER;
            long created = System.currentTimeMillis();
            long id;
            try {
                id = sql.insert("INSERT INTO users (name, password_hash, role, disabled, created_ms)"
                        + " VALUES (?, ?, ?, FALSE, ?)", username, passwordHash, role.name(), created);
            } catch (SQLException e) {
                if (Sql.isDuplicateKey(e)) {
                    throw new GalleristException(ErrorCode.USER_EXISTS,
                            "The username '" + username + "' is already taken.");
                }
                throw e;
            }
            for (AuthorizedKey key : keys) {
                insertKey(sql, id, key);
            }
            return new User(username, role, false, Instant.ofEpochMilli(created));
        });
    }

    @Override
    public Optional<User> findUser(String username) {
        return database.inTransaction(
                sql -> sql.optional("SELECT " + USER_COLUMNS + " FROM users WHERE name = ?", JdbcAccountStore::user,
                        username));
    }

    @Override
    public Optional<String> passwordHash(String username) {
        return database.inTransaction(
                sql -> sql.optional("SELECT password_hash FROM users WHERE name = ?", row -> row.getString(1),
                        username));
    }

    @Override
    public void addKey(String username, AuthorizedKey key) {
        database.inTransaction(sql -> {
            long id = UserIds.require(sql, username);
            try {
                insertKey(sql, id, key);
            } catch (SQLException e) {
                if (Sql.isDuplicateKey(e)) {
                    throw new GalleristException(ErrorCode.DUPLICATE,
                            "This key (" + key.fingerprint() + ") is already authorized.");
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public List<AuthorizedKey> keys(String username) {
        return database.inTransaction(sql -> sql.list(
                "SELECT k.fingerprint, k.key_type, k.key_comment, k.openssh_line, k.added_ms FROM user_keys k"
                        + " JOIN users u ON u.id = k.user_id WHERE u.name = ? ORDER BY k.added_ms, k.fingerprint",
                row -> new AuthorizedKey(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        Instant.ofEpochMilli(row.getLong(5))),
                username));
    }

    @Override
    public boolean removeKey(String username, String fingerprint) {
        return database.inTransaction(sql -> sql.update(
                "DELETE FROM user_keys WHERE fingerprint = ? AND user_id = (SELECT id FROM users WHERE name = ?)",
                fingerprint, username) > 0);
    }

    @Override
    public List<User> listUsers() {
        return database.inTransaction(
                sql -> sql.list("SELECT " + USER_COLUMNS + " FROM users ORDER BY name", JdbcAccountStore::user));
    }

    @Override
    public boolean setDisabled(String username, boolean disabled) {
        return database.inTransaction(
                sql -> sql.update("UPDATE users SET disabled = ? WHERE name = ?", disabled, username) > 0);
    }

    @Override
    public boolean hasAdmin() {
        return database.inTransaction(sql -> sql.one("SELECT COUNT(*) FROM users WHERE UPPER(role) = ?",
                row -> row.getLong(1), Role.ADMIN.name()) > 0);
    }

    @Override
    public boolean setRole(String username, Role role) {
        return database.inTransaction(sql -> {
            // Serialises role changes, so that two admins demoting each other cannot both succeed.
            sql.execute("LOCK TABLE users IN EXCLUSIVE MODE");
            Optional<String> current = sql.optional("SELECT role FROM users WHERE name = ?", row -> row.getString(1),
                    username);
            if (current.isEmpty()) {
                return false;
            }
            boolean losesAdmin = Role.ADMIN.name().equalsIgnoreCase(current.get()) && role != Role.ADMIN;
            if (losesAdmin && sql.one("SELECT COUNT(*) FROM users WHERE UPPER(role) = ?", row -> row.getLong(1),
                    Role.ADMIN.name()) <= 1) {
                throw new GalleristException(ErrorCode.FORBIDDEN, "'" + username
                        + "' is the last admin; make another account an admin first.");
            }
            sql.update("UPDATE users SET role = ? WHERE name = ?", role.name(), username);
            return true;
        });
    }

    @Override
    public boolean startPasswordReset(String username, PendingReset reset) {
        return database.inTransaction(sql -> sql.update("UPDATE users SET password_hash = ?, reset_token_hash = ?,"
                + " reset_expires_ms = ? WHERE name = ?", NO_PASSWORD, reset.tokenHash(), reset.expires().toEpochMilli(),
                username) > 0);
    }

    @Override
    public Optional<PendingReset> pendingReset(String username) {
        return database.inTransaction(sql -> sql.optional("SELECT reset_token_hash, reset_expires_ms FROM users"
                + " WHERE name = ? AND reset_token_hash IS NOT NULL", row -> new PendingReset(row.getString(1),
                        Instant.ofEpochMilli(row.getLong(2))), username));
    }

    @Override
    public boolean setPasswordHash(String username, String passwordHash) {
        return database.inTransaction(sql -> sql.update("UPDATE users SET password_hash = ?, reset_token_hash = NULL,"
                + " reset_expires_ms = NULL WHERE name = ?", passwordHash, username) > 0);
    }

    private static void insertKey(Sql sql, long userId, AuthorizedKey key) throws SQLException {
        sql.update("INSERT INTO user_keys (user_id, fingerprint, key_type, key_comment, openssh_line, added_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?)", userId, key.fingerprint(), key.type(), key.comment(), key.openSshLine(),
                key.added().toEpochMilli());
    }

    private static User user(ResultSet row) throws SQLException {
        return new User(row.getString(1), Role.valueOf(row.getString(2).toUpperCase(Locale.ROOT)), row.getBoolean(3),
                Instant.ofEpochMilli(row.getLong(4)));
    }
}
