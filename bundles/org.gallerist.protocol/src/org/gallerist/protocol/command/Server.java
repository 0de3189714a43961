package org.gallerist.protocol.command;

import picocli.CommandLine.Command;

/** {@code server ...}: what clients may want to know about the server. */
@Command(name = "server", description = "What the server runs: the embedder for similarity search and its index.",
        subcommands = { Server.Info.class })
public final class Server extends WireCommand {

    @Command(name = "info", description = "The active embedder, its dimension and the re-index progress, the"
            + " image formats uploads may have, the server's version and when it started ({embedder, dimension,"
            + " indexed, images, reindexing, formats, version, started}).")
    public static final class Info extends ReadOnly {
    }
}
