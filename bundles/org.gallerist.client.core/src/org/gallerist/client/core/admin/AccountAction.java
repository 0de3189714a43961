package org.gallerist.client.core.admin;

import java.util.EnumSet;
import java.util.Set;

import org.gallerist.api.Role;
import org.gallerist.api.User;

/** What an admin may do to one account in the Admin dialog; the server checks the same again. */
public enum AccountAction {
    PROMOTE("&Make Admin"), DEMOTE("Make &User"), DISABLE("&Disable"), ENABLE("&Enable"),
    /** Issues a one-time sign-in token in place of the password; admins change their own password instead. */
    RESET_PASSWORD("&Reset Password\u2026");

    private final String label;

    AccountAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Nobody disables, demotes or resets themself here (the server keeps the last admin, and refuses self-disabling). */
    public static Set<AccountAction> allowed(User caller, User account) {
        Set<AccountAction> allowed = EnumSet.noneOf(AccountAction.class);
        if (caller == null || account == null || !caller.isAdmin()) {
            return allowed;
        }
        boolean self = caller.name().equals(account.name());
        allowed.add(account.role() == Role.ADMIN ? DEMOTE : PROMOTE);
        if (account.disabled()) {
            allowed.add(ENABLE);
        } else if (!self) {
            allowed.add(DISABLE);
        }
        if (self) {
            allowed.remove(DEMOTE);
        } else {
            allowed.add(RESET_PASSWORD);
        }
        return allowed;
    }

    /** "active" or "disabled", as the table shows it. */
    public static String status(User account) {
        return account.disabled() ? "disabled" : "active";
    }
}
