package org.gallerist.spi.command;

import java.util.HashMap;
import java.util.Map;

import org.gallerist.protocol.command.CommandCatalogue;
import org.gallerist.protocol.command.WireCommand;

/**
 * A handler for a command the wire protocol describes: the words after the command word are parsed into the
 * protocol's request (usage errors and {@code --help} included) before the subclass sees them, so a handler only
 * acts on what was asked. A command with sub-commands names the action for each with {@link #on}; a command that
 * stands alone may override {@link #execute(WireCommand, CommandRequest)} instead.
 */
public abstract class ProtocolCommandHandler implements CommandHandler {

    /** What a handler does with one parsed sub-command. */
    @FunctionalInterface
    protected interface Action<C extends WireCommand> {
        void run(C parsed, CommandRequest request) throws Exception;
    }

    private final CommandCatalogue catalogue = new CommandCatalogue();
    private final Class<? extends WireCommand> command;
    private final Map<Class<? extends WireCommand>, Action<?>> actions = new HashMap<>();

    /** @param command the protocol class of this command, e.g. {@code Tags.class} or {@code Account.Whoami.class} */
    protected ProtocolCommandHandler(Class<? extends WireCommand> command) {
        this.command = command;
    }

    /** Names what a parsed {@code request} of this class runs; call it from the subclass's constructor. */
    protected final <C extends WireCommand> void on(Class<C> request, Action<? super C> action) {
        actions.put(request, action);
    }

    @Override
    public final void execute(CommandRequest request) throws Exception {
        execute(catalogue.parse(command, request.args()), request);
    }

    /**
     * Runs the parsed request: by default the action {@link #on} named for its class.
     *
     * @param parsed the deepest sub-command the words name, e.g. a {@code Tags.Rename}
     */
    protected void execute(WireCommand parsed, CommandRequest request) throws Exception {
        run(parsed, request);
    }

    @SuppressWarnings("unchecked")
    private <C extends WireCommand> void run(C parsed, CommandRequest request) throws Exception {
        Action<? super C> action = (Action<? super C>) actions.get(parsed.getClass());
        if (action == null) {
            throw new IllegalStateException(command.getSimpleName() + ": no action for "
                    + parsed.getClass().getSimpleName());
        }
        action.run(parsed, request);
    }
}
