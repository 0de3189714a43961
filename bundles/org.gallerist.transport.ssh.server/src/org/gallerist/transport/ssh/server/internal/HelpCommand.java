package org.gallerist.transport.ssh.server.internal;

import org.gallerist.spi.command.CommandHandler;
import org.gallerist.spi.command.CommandRequest;
import org.gallerist.protocol.Replies;
import org.gallerist.protocol.command.Account;
import org.gallerist.protocol.command.CommandCatalogue;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code help}: one line per available command. */
@Component(property = CommandHandler.COMMAND_PROPERTY + "=" + HelpCommand.NAME)
public class HelpCommand implements CommandHandler {

    static final String NAME = "help";

    private final CommandCatalogue catalogue = new CommandCatalogue();
    private final CommandRegistry registry;

    @Activate
    public HelpCommand(@Reference CommandRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void execute(CommandRequest request) throws Exception {
        catalogue.parse(Account.Help.class, request.args());
        for (CommandRegistry.Entry entry : registry.entries()) {
            request.output().emit(new Replies.CommandSummary(entry.name(), entry.summary()));
        }
    }
}
