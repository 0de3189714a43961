package org.gallerist.transport.ssh.server.internal;

import org.gallerist.protocol.Replies;
import org.gallerist.protocol.command.Account;
import org.gallerist.protocol.command.WireCommand;
import org.gallerist.spi.command.CommandHandler;
import org.gallerist.spi.command.CommandRequest;
import org.gallerist.spi.command.ProtocolCommandHandler;
import org.osgi.service.component.annotations.Component;

/** {@code ping}: {@code {"ok": true}}, with no work of its own (no storage, no lookups beyond the login's). */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + "=" + PingCommand.NAME)
public class PingCommand extends ProtocolCommandHandler {

    static final String NAME = "ping";

    public PingCommand() {
        super(Account.Ping.class);
    }

    @Override
    protected void execute(WireCommand parsed, CommandRequest request) throws Exception {
        request.output().emit(Replies.Ok.OK);
    }
}
