package org.gallerist.transport.ssh.server.internal;

import org.gallerist.spi.command.CommandHandler;
import org.gallerist.spi.command.CommandRequest;
import org.gallerist.spi.command.ProtocolCommandHandler;
import org.gallerist.protocol.Replies;
import org.gallerist.protocol.command.WireCommand;
import org.gallerist.protocol.command.Account;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code help}: one line per available command. */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + "=" + HelpCommand.NAME)
public class HelpCommand extends ProtocolCommandHandler {

    static final String NAME = "help";

    private final CommandRegistry registry;

    @Activate
    public HelpCommand(@Reference CommandRegistry registry) {
        super(Account.Help.class);
        this.registry = registry;
    }

    @Override
    protected void execute(WireCommand parsed, CommandRequest request) throws Exception {
        for (CommandRegistry.Entry entry : registry.entries()) {
            request.output().emit(new Replies.CommandSummary(entry.name(), entry.summary()));
        }
    }
}
