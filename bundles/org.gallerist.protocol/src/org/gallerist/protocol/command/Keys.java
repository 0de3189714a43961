package org.gallerist.protocol.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code keys ...}: the caller's own SSH public keys. */
@Command(name = "keys", description = "Manage your SSH public keys.",
        subcommands = { Keys.Add.class, Keys.List.class, Keys.Remove.class })
public final class Keys extends WireCommand {

    @Command(name = "add", description = "Add the OpenSSH public-key line on stdin (e.g. ~/.ssh/id_ed25519.pub).")
    @Replay(Replay.Safety.RECOGNISED)
    public static final class Add extends WireCommand {
    }

    @Command(name = "list", description = "Your keys ({fingerprint, type, comment, added, key}).")
    public static final class List extends ReadOnly {
    }

    @Command(name = "remove", description = "Remove one of your keys ({removed}).")
    @Replay(Replay.Safety.RECOGNISED)
    public static final class Remove extends WireCommand {
        @Parameters(index = "0", paramLabel = "FINGERPRINT", description = "As keys list shows it: SHA256:...")
        String fingerprint;

        public String fingerprint() {
            return fingerprint;
        }

        public Remove() {
        }

        public Remove(String fingerprint) {
            this.fingerprint = fingerprint;
        }
    }
}
