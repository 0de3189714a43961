package org.gallerist.transport.ssh.client.internal;

import java.util.List;

import org.gallerist.api.User;
import org.gallerist.api.account.PasswordReset;
import org.gallerist.api.client.Administration;
import org.gallerist.protocol.Replies;
import org.gallerist.protocol.command.Users;

/** {@link Administration} over the {@code users} commands. */
final class RemoteAdministration implements Administration {
    private static final byte[] NO_INPUT = new byte[0];

    private final SshGalleristSession session;

    RemoteAdministration(SshGalleristSession session) {
        this.session = session;
    }

    @Override
    public List<User> users() {
        return session.exec(new Users.List(), NO_INPUT).stream()
                .map(line -> line.as(Replies.Member.class).toUser()).toList();
    }

    @Override
    public User setDisabled(String username, boolean disabled) {
        return session.single(disabled ? new Users.Disable(username) : new Users.Enable(username), NO_INPUT,
                Replies.Member.class).toUser();
    }

    @Override
    public User promote(String username) {
        return session.single(new Users.Promote(username), NO_INPUT, Replies.Account.class).toUser();
    }

    @Override
    public User demote(String username) {
        return session.single(new Users.Demote(username), NO_INPUT, Replies.Account.class).toUser();
    }

    @Override
    public PasswordReset resetPassword(String username) {
        return session.single(new Users.Reset(username), NO_INPUT, Replies.PasswordReset.class).toReset();
    }
}
