package org.gallerist.storage.derby.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.Role;
import org.gallerist.api.User;
import org.gallerist.api.account.AccountStore;
import org.gallerist.api.account.AuthorizedKey;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Users and their keys in Derby; every method is one transaction. */
@Component(service = AccountStore.class)
public class DerbyAccountStore implements AccountStore {

    private static final String USER_COLUMNS = "name, role, disabled, created_ms";

    private final DerbyDatabase database;
    private final Clock clock;

    @Activate
    public DerbyAccountStore(@Reference DerbyDatabase database) {
        this(database, Clock.systemUTC());
    }

    DerbyAccountStore(DerbyDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public User createUser(String username, String passwordHash, List<AuthorizedKey> keys) {
        return database.inTransaction(connection -> {
            try (Statement lock = connection.createStatement()) {
                // Serialises sign-ups, so exactly one first user becomes the admin.
                lock.execute("LOCK TABLE users IN EXCLUSIVE MODE");
            }
            Role role = countUsers(connection) == 0 ? Role.ADMIN : Role.USER;
            Instant created = clock.instant();
            long id;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO users (name, password_hash, role, disabled, created_ms) VALUES (?, ?, ?, FALSE, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, username);
                insert.setString(2, passwordHash);
                insert.setString(3, role.name());
                insert.setLong(4, created.toEpochMilli());
                insert.executeUpdate();
                try (ResultSet generated = insert.getGeneratedKeys()) {
                    generated.next();
                    id = generated.getLong(1);
                }
            } catch (SQLException e) {
                if (DerbyDatabase.isDuplicateKey(e)) {
                    throw new GalleristException(ErrorCode.USER_EXISTS,
                            "The username '" + username + "' is already taken.");
                }
                throw e;
            }
            for (AuthorizedKey key : keys) {
                insertKey(connection, id, key);
            }
            return new User(username, role, false, Instant.ofEpochMilli(created.toEpochMilli()));
        });
    }

    @Override
    public Optional<User> findUser(String username) {
        return database.inTransaction(connection -> {
            try (PreparedStatement query = connection
                    .prepareStatement("SELECT " + USER_COLUMNS + " FROM users WHERE name = ?")) {
                query.setString(1, username);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(user(rows)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<String> passwordHash(String username) {
        return database.inTransaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT password_hash FROM users WHERE name = ?")) {
                query.setString(1, username);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void addKey(String username, AuthorizedKey key) {
        database.inTransaction(connection -> {
            long id = userId(connection, username);
            try {
                insertKey(connection, id, key);
            } catch (SQLException e) {
                if (DerbyDatabase.isDuplicateKey(e)) {
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
        return database.inTransaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT k.fingerprint, k.key_type, k.key_comment, k.openssh_line, k.added_ms FROM user_keys k"
                            + " JOIN users u ON u.id = k.user_id WHERE u.name = ? ORDER BY k.added_ms, k.fingerprint")) {
                query.setString(1, username);
                List<AuthorizedKey> keys = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        keys.add(new AuthorizedKey(rows.getString(1), rows.getString(2), rows.getString(3),
                                rows.getString(4), Instant.ofEpochMilli(rows.getLong(5))));
                    }
                }
                return keys;
            }
        });
    }

    @Override
    public boolean removeKey(String username, String fingerprint) {
        return database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM user_keys WHERE fingerprint = ? AND user_id = (SELECT id FROM users WHERE name = ?)")) {
                delete.setString(1, fingerprint);
                delete.setString(2, username);
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<User> listUsers() {
        return database.inTransaction(connection -> {
            try (Statement query = connection.createStatement();
                    ResultSet rows = query.executeQuery("SELECT " + USER_COLUMNS + " FROM users ORDER BY name")) {
                List<User> users = new ArrayList<>();
                while (rows.next()) {
                    users.add(user(rows));
                }
                return users;
            }
        });
    }

    @Override
    public boolean setDisabled(String username, boolean disabled) {
        return database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE users SET disabled = ? WHERE name = ?")) {
                update.setBoolean(1, disabled);
                update.setString(2, username);
                return update.executeUpdate() > 0;
            }
        });
    }

    private static long countUsers(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM users")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long userId(Connection connection, String username) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM users WHERE name = ?")) {
            query.setString(1, username);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new GalleristException(ErrorCode.NOT_FOUND, "No user '" + username + "'.");
                }
                return rows.getLong(1);
            }
        }
    }

    private static void insertKey(Connection connection, long userId, AuthorizedKey key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO user_keys"
                + " (user_id, fingerprint, key_type, key_comment, openssh_line, added_ms) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, userId);
            insert.setString(2, key.fingerprint());
            insert.setString(3, key.type());
            insert.setString(4, key.comment());
            insert.setString(5, key.openSshLine());
            insert.setLong(6, key.added().toEpochMilli());
            insert.executeUpdate();
        }
    }

    private static User user(ResultSet rows) throws SQLException {
        return new User(rows.getString(1), Role.valueOf(rows.getString(2).toUpperCase(Locale.ROOT)), rows.getBoolean(3),
                Instant.ofEpochMilli(rows.getLong(4)));
    }
}
