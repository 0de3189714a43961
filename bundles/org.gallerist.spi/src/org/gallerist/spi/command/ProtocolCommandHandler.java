package org.gallerist.spi.command;

import org.gallerist.protocol.command.CommandCatalogue;
import org.gallerist.protocol.command.WireCommand;

/**
 * A handler for a command the wire protocol describes: the words after the command word are parsed into the
 * protocol's request (usage errors and {@code --help} included) before the subclass sees them, so a handler only
 * acts on what was asked.
 */
public abstract class ProtocolCommandHandler implements CommandHandler {

    private final CommandCatalogue catalogue = new CommandCatalogue();
    private final Class<? extends WireCommand> command;

    /** @param command the protocol class of this command, e.g. {@code Tags.class} or {@code Account.Whoami.class} */
    protected ProtocolCommandHandler(Class<? extends WireCommand> command) {
        this.command = command;
    }

    @Override
    public final void execute(CommandRequest request) throws Exception {
        execute(catalogue.parse(command, request.args()), request);
    }

    /**
     * Runs the parsed request.
     *
     * @param parsed the deepest sub-command the words name, e.g. a {@code Tags.Rename}
     */
    protected abstract void execute(WireCommand parsed, CommandRequest request) throws Exception;
}
