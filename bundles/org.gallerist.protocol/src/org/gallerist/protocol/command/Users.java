package org.gallerist.protocol.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code users ...}: who is an admin. New accounts are users; the first admin claims the role with a token. */
@Command(name = "users", description = "Admins: promote and demote accounts; the first admin claims the role with"
        + " the server's one-time token.",
        subcommands = { Users.Promote.class, Users.Demote.class, Users.ClaimAdmin.class })
public final class Users extends WireCommand {

    @Command(name = "promote", description = "Admins: make the account an admin ({user, role, created}).")
    @Replay(Replay.Safety.SAFE)
    public static final class Promote extends OneAccount {
    }

    @Command(name = "demote", description = "Admins: make an admin a user again ({user, role, created}); the last"
            + " admin stays one.")
    @Replay(Replay.Safety.SAFE)
    public static final class Demote extends OneAccount {
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
