package org.gallerist.api.account;

import java.util.List;
import java.util.Optional;

import org.gallerist.api.GalleristException;
import org.gallerist.api.User;

/**
 * Accounts and their credentials, with the domain rules applied (username syntax, password strength,
 * hashing, key parsing). Every method throws {@link GalleristException} for what a caller did wrong.
 */
public interface AccountService {

    /**
     * Creates an account with the role {@code user}; no account is ever created an admin (see {@link #claimAdmin}).
     *
     * @param publicKeys OpenSSH public-key lines to authorize right away (may be empty)
     */
    User signUp(String username, char[] password, List<String> publicKeys);

    /** The account if it exists, enabled or not. */
    Optional<User> find(String username);

    /**
     * True only for an existing, enabled account whose password matches, or, after {@link #resetPassword}, whose
     * one-time token matches and has not expired. Takes about as long either way.
     */
    boolean checkPassword(String username, char[] password);

    /** Adds one OpenSSH public-key line to the user's authorized keys. */
    AuthorizedKey addKey(String username, String openSshLine);

    List<AuthorizedKey> keys(String username);

    /** Removes the key with this fingerprint; {@code not_found} if the user has none such. */
    void removeKey(String username, String fingerprint);

    List<User> list();

    /** Disables or re-enables an account; a disabled account cannot log in. */
    User setDisabled(String username, boolean disabled);

    /**
     * Makes {@code username} an admin.
     *
     * @throws GalleristException {@code forbidden} unless the caller is an admin; {@code not_found} for no such user
     */
    User promote(User caller, String username);

    /**
     * Makes the admin {@code username} a user again.
     *
     * @throws GalleristException {@code forbidden} unless the caller is an admin, or if {@code username} is the last
     *                            admin; {@code not_found} for no such user
     */
    User demote(User caller, String username);

    /**
     * Makes the caller the first admin with the one-time token the server logged at start because no admin existed.
     * The token works once, and not at all once an admin exists.
     *
     * @throws GalleristException {@code forbidden} for a wrong, used or expired token, or when an admin exists
     */
    User claimAdmin(User caller, String token);

    /**
     * Admins: the account's password stops working at once, and a one-time token, valid for a day, takes its place
     * until the user sets a new password with it ({@link #changePassword}). Meanwhile every session of the account
     * may only do that ({@link #passwordChangeRequired}). A second reset replaces the first token.
     *
     * @throws GalleristException {@code forbidden} unless the caller is an admin; {@code not_found} for no such user
     */
    PasswordReset resetPassword(User caller, String username);

    /**
     * Sets a new password, proven by the current one or by the token of a pending reset (which it uses up).
     *
     * @throws GalleristException {@code forbidden} for a wrong current password or token; {@code weak_password} or
     *                            {@code too_long} for the new one
     */
    void changePassword(String username, char[] current, char[] next);

    /** Whether an admin reset the account's password and no new one was set yet (an expired token counts too). */
    boolean passwordChangeRequired(String username);
}
