package org.gallerist.commands.internal;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.User;
import org.gallerist.api.account.AccountService;
import org.gallerist.protocol.Replies;
import org.gallerist.protocol.command.Users;
import org.gallerist.spi.command.CommandHandler;
import org.gallerist.spi.command.ProtocolCommandHandler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code users list}, {@code users disable|enable|promote|demote|reset NAME} for admins, {@code users claim-admin TOKEN} for the
 * account that becomes the first admin. The caller is the account as stored when the command arrived, so a demoted
 * admin's open session loses the role at once.
 */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + "=users")
public class UsersCommand extends ProtocolCommandHandler {

    @Activate
    public UsersCommand(@Reference AccountService accounts) {
        super(Users.class);
        on(Users.List.class, (list, request) -> {
            requireAdmin(request.caller(), "list the accounts");
            request.output().emitAll(accounts.list().stream().map(Replies.Member::of).toList());
        });
        on(Users.Disable.class, (disable, request) -> {
            requireAdmin(request.caller(), "disable accounts");
            if (request.caller().name().equals(disable.username())) {
                throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "You cannot disable your own account;"
                        + " another admin can.");
            }
            request.output().emit(Replies.Member.of(accounts.setDisabled(disable.username(), true)));
        });
        on(Users.Enable.class, (enable, request) -> {
            requireAdmin(request.caller(), "enable accounts");
            request.output().emit(Replies.Member.of(accounts.setDisabled(enable.username(), false)));
        });
        on(Users.Promote.class, (promote, request) -> request.output()
                .emit(Replies.Account.of(accounts.promote(request.caller(), promote.username()))));
        on(Users.Demote.class, (demote, request) -> request.output()
                .emit(Replies.Account.of(accounts.demote(request.caller(), demote.username()))));
        on(Users.Reset.class, (reset, request) -> request.output()
                .emit(Replies.PasswordReset.of(accounts.resetPassword(request.caller(), reset.username()))));
        on(Users.ClaimAdmin.class, (claim, request) -> request.output()
                .emit(Replies.Account.of(accounts.claimAdmin(request.caller(), claim.token()))));
    }

    private static void requireAdmin(User caller, String what) {
        if (!caller.isAdmin()) {
            throw new GalleristException(ErrorCode.FORBIDDEN, "Only an admin may " + what + ".");
        }
    }
}
