package org.gallerist.commands.internal;

import org.gallerist.api.account.AccountService;
import org.gallerist.protocol.Replies;
import org.gallerist.protocol.command.Users;
import org.gallerist.spi.command.CommandHandler;
import org.gallerist.spi.command.ProtocolCommandHandler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code users promote NAME} and {@code users demote NAME} for admins, {@code users claim-admin TOKEN} for the
 * account that becomes the first admin. The caller is the account as stored when the command arrived, so a demoted
 * admin's open session loses the role at once.
 */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + "=users")
public class UsersCommand extends ProtocolCommandHandler {

    @Activate
    public UsersCommand(@Reference AccountService accounts) {
        super(Users.class);
        on(Users.Promote.class, (promote, request) -> request.output()
                .emit(Replies.Account.of(accounts.promote(request.caller(), promote.username()))));
        on(Users.Demote.class, (demote, request) -> request.output()
                .emit(Replies.Account.of(accounts.demote(request.caller(), demote.username()))));
        on(Users.ClaimAdmin.class, (claim, request) -> request.output()
                .emit(Replies.Account.of(accounts.claimAdmin(request.caller(), claim.token()))));
    }
}
