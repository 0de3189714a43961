package org.gallerist.transport.ssh.server.internal;

import org.gallerist.spi.command.CommandHandler;
import org.gallerist.spi.command.CommandRequest;
import org.gallerist.protocol.Replies;
import org.gallerist.protocol.command.Account;
import org.gallerist.protocol.command.CommandCatalogue;
import org.osgi.service.component.annotations.Component;

/** {@code whoami}: the logged-in user and role. */
@Component(property = CommandHandler.COMMAND_PROPERTY + "=" + WhoamiCommand.NAME)
public class WhoamiCommand implements CommandHandler {

    static final String NAME = "whoami";

    private final CommandCatalogue catalogue = new CommandCatalogue();

    @Override
    public void execute(CommandRequest request) throws Exception {
        catalogue.parse(Account.Whoami.class, request.args());
        request.output().emit(Replies.Account.of(request.caller()));
    }
}
