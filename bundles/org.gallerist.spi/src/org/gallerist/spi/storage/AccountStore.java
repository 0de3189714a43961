package org.gallerist.spi.storage;

import org.gallerist.api.account.AccountService;
import org.gallerist.api.account.AuthorizedKey;

import java.util.List;
import java.util.Optional;

import org.gallerist.api.Role;
import org.gallerist.api.User;

/**
 * Persistence of accounts, implemented by a storage bundle. Each method is one transaction.
 * Rules (syntax, strength, hashing) live in the {@link AccountService}, not here.
 */
public interface AccountStore {

    /**
     * Inserts a user and its initial keys in one transaction, with the role {@link Role#USER}: no account is ever
     * created an admin (the first admin is made with {@link #setRole}).
     *
     * @throws org.gallerist.api.GalleristException {@code user_exists} if the name is taken
     */
    User createUser(String username, String passwordHash, List<AuthorizedKey> keys);

    Optional<User> findUser(String username);

    /** The stored password hash, if the user exists. */
    Optional<String> passwordHash(String username);

    /** @throws org.gallerist.api.GalleristException {@code duplicate} if the user already has this key */
    void addKey(String username, AuthorizedKey key);

    List<AuthorizedKey> keys(String username);

    /** @return false if the user had no key with this fingerprint */
    boolean removeKey(String username, String fingerprint);

    List<User> listUsers();

    /** @return false if there is no such user */
    boolean setDisabled(String username, boolean disabled);

    /** Whether any account, enabled or disabled, has the admin role. */
    boolean hasAdmin();

    /**
     * Gives the user this role, in one transaction that also counts the admins, so that two concurrent demotions
     * can never leave none.
     *
     * @return false if there is no such user
     * @throws org.gallerist.api.GalleristException {@code forbidden} if the user is the last admin and the role is
     *                                              not admin
     */
    boolean setRole(String username, Role role);

    /**
     * Starts a password reset: the password hash is replaced by one no password matches, and the token's hash and
     * expiry are kept, replacing any earlier reset.
     *
     * @return false if there is no such user
     */
    boolean startPasswordReset(String username, PendingReset reset);

    /** The reset started for the user and not finished by a new password, expired or not. */
    Optional<PendingReset> pendingReset(String username);

    /**
     * Stores a new password hash and ends any pending reset.
     *
     * @return false if there is no such user
     */
    boolean setPasswordHash(String username, String passwordHash);
}
