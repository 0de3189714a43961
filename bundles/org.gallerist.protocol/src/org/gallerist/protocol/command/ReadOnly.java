package org.gallerist.protocol.command;

/** A command that only reads: sending it again after a lost connection is always safe. */
@Replay(Replay.Safety.SAFE)
public abstract class ReadOnly extends WireCommand {
}
