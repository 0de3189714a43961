package org.gallerist.transport.ssh.server.internal;

import org.gallerist.spi.command.CommandHandler;
import org.gallerist.spi.command.CommandRequest;
import org.gallerist.spi.command.ProtocolCommandHandler;
import org.gallerist.protocol.Replies;
import org.gallerist.protocol.command.WireCommand;
import org.gallerist.protocol.command.Account;
import org.osgi.service.component.annotations.Component;

/** {@code whoami}: the logged-in user and role. */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + "=" + WhoamiCommand.NAME)
public class WhoamiCommand extends ProtocolCommandHandler {

    static final String NAME = "whoami";

    public WhoamiCommand() {
        super(Account.Whoami.class);
    }

    @Override
    protected void execute(WireCommand parsed, CommandRequest request) throws Exception {
        request.output().emit(Replies.Account.of(request.caller()));
    }
}
