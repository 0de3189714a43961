package org.gallerist.api.client;

import java.util.List;

import org.gallerist.api.User;
import org.gallerist.api.account.PasswordReset;

/** What admins do to accounts through a session; everyone else is refused with {@code forbidden}. */
public interface Administration {

    /** Every account, by name. */
    List<User> users();

    /** A disabled account cannot log in, and its open sessions fail their next command; nobody disables themself. */
    User setDisabled(String username, boolean disabled);

    User promote(String username);

    /** The last admin stays one. */
    User demote(String username);

    /**
     * The account's password stops working; the returned one-time token, shown only now, works in its place for a
     * day, during which the account can do nothing but set a new password with it.
     */
    PasswordReset resetPassword(String username);
}
