package org.gallerist.transport.ssh.server.internal;

import org.gallerist.spi.command.CommandHandler;
import org.gallerist.spi.command.CommandRequest;
import org.gallerist.spi.command.ProtocolCommandHandler;
import org.gallerist.protocol.Replies;
import org.gallerist.protocol.command.WireCommand;
import org.gallerist.protocol.command.Account;
import org.gallerist.api.account.AccountService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code whoami}: the logged-in user and role, and whether an admin's password reset awaits a new password. */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + "=" + WhoamiCommand.NAME)
public class WhoamiCommand extends ProtocolCommandHandler {

    static final String NAME = "whoami";

    private final AccountService accounts;

    @Activate
    public WhoamiCommand(@Reference AccountService accounts) {
        super(Account.Whoami.class);
        this.accounts = accounts;
    }

    @Override
    protected void execute(WireCommand parsed, CommandRequest request) throws Exception {
        request.output().emit(Replies.Account.of(request.caller(),
                accounts.passwordChangeRequired(request.caller().name())));
    }
}
