package org.gallerist.protocol.command;

import picocli.CommandLine.Option;

/** What every command accepts: {@code --help} prints its usage on stdout and exits 0. */
public abstract class WireCommand {

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** For commands whose safety depends on what they carry; others declare a fixed {@link Replay}. */
    public Replay.Safety replay() {
        Replay replay = getClass().getAnnotation(Replay.class);
        return replay == null ? Replay.Safety.NEVER : replay.value();
    }
}
