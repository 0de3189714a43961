package org.gallerist.protocol.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code users ...}: who is an admin. New accounts are users; the first admin claims the role with a token. */
@Command(name = "users", description = "Admins: list, disable, enable, promote, demote accounts and reset their"
        + " passwords; the first admin claims the role with the server's one-time token.",
        subcommands = { Users.List.class, Users.Disable.class, Users.Enable.class, Users.Promote.class,
                Users.Demote.class, Users.Reset.class, Users.ClaimAdmin.class })
public final class Users extends WireCommand {

    @Command(name = "list", description = "Admins: every account by name ({user, role, disabled, created}).")
    public static final class List extends ReadOnly {
    }

    @Command(name = "disable", description = "Admins: the account can no longer log in, and its open sessions fail"
            + " their next command ({user, role, disabled, created}); its images and orders stay.")
    @Replay(Replay.Safety.SAFE)
    public static final class Disable extends OneAccount {
        public Disable() {
        }

        public Disable(String username) {
            super(username);
        }
    }

    @Command(name = "enable", description = "Admins: a disabled account may log in again ({user, role, disabled,"
            + " created}).")
    @Replay(Replay.Safety.SAFE)
    public static final class Enable extends OneAccount {
        public Enable() {
        }

        public Enable(String username) {
            super(username);
        }
    }

    @Command(name = "promote", description = "Admins: make the account an admin ({user, role, created}).")
    @Replay(Replay.Safety.SAFE)
    public static final class Promote extends OneAccount {
        public Promote() {
        }

        public Promote(String username) {
            super(username);
        }
    }

    @Command(name = "demote", description = "Admins: make an admin a user again ({user, role, created}); the last"
            + " admin stays one.")
    @Replay(Replay.Safety.SAFE)
    public static final class Demote extends OneAccount {
        public Demote() {
        }

        public Demote(String username) {
            super(username);
        }
    }

    @Command(name = "reset", description = "Admins: the account's password stops working and a one-time token, shown"
            + " only in this answer, works in its place for 24 hours ({user, token, expires}). Until the user sets a"
            + " new password with it (password set), the account's sessions may do nothing else. A new reset replaces"
            + " the token.")
    @Replay(Replay.Safety.NEVER)
    public static final class Reset extends OneAccount {
        public Reset() {
        }

        public Reset(String username) {
            super(username);
        }
    }

    @Command(name = "claim-admin", description = "Become the first admin with the one-time token the server logs at"
            + " start while it has no admin ({user, role, created}); it works once.")
    @Replay(Replay.Safety.NEVER)
    public static final class ClaimAdmin extends WireCommand {
        @Parameters(index = "0", paramLabel = "TOKEN")
        String token;

        public String token() {
            return token;
        }
    }
}
