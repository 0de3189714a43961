package org.gallerist.protocol.command;

import picocli.CommandLine.Command;

/** {@code password ...}: the caller's own password. */
@Command(name = "password", description = "Change your password.", subcommands = { Password.Set.class })
public final class Password extends WireCommand {

    @Command(name = "set", description = "Set a new password ({user, changed}). Stdin: your current password, or the"
            + " one-time token of an admin's reset, on the first line; the new password on the second. Your open"
            + " sessions stay logged in.")
    @Replay(Replay.Safety.NEVER)
    public static final class Set extends WireCommand {
    }
}
