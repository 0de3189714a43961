package org.gallerist.transport.ssh.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.account.AccountService;
import org.gallerist.api.account.AuthorizedKey;
import org.gallerist.spi.command.CommandHandler;
import org.gallerist.spi.command.CommandRequest;
import org.gallerist.spi.command.ProtocolCommandHandler;
import org.gallerist.protocol.Replies;
import org.gallerist.protocol.command.WireCommand;
import org.gallerist.protocol.command.Keys;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code keys add|list|remove}: the caller's own authorized public keys. */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + "=" + KeysCommand.NAME)
public class KeysCommand extends ProtocolCommandHandler {

    static final String NAME = "keys";
    private static final int MAX_KEY_INPUT = 64 * 1024;

    private final AccountService accounts;

    @Activate
    public KeysCommand(@Reference AccountService accounts) {
        super(Keys.class);
        this.accounts = accounts;
    }

    @Override
    protected void execute(WireCommand parsed, CommandRequest request) throws Exception {
        String user = request.caller().name();
        switch (parsed) {
        case Keys.Add add -> request.output().emit(Replies.PublicKey.of(accounts.addKey(user,
                readKeyLine(request.input()))));
        case Keys.List list -> {
            for (AuthorizedKey key : accounts.keys(user)) {
                request.output().emit(Replies.PublicKey.of(key));
            }
        }
        case Keys.Remove remove -> {
            accounts.removeKey(user, remove.fingerprint());
            request.output().emit(new Replies.KeyRemoved(remove.fingerprint()));
        }
        default -> throw new IllegalStateException("keys: no handler for a parsed sub-command");
        }
    }

    /** The first non-blank line of stdin. */
    private static String readKeyLine(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_KEY_INPUT + 1);
        if (bytes.length > MAX_KEY_INPUT) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "The key input is too long; send one key line.");
        }
        return new String(bytes, StandardCharsets.UTF_8).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .findFirst()
                .orElseThrow(() -> new GalleristException(ErrorCode.INVALID_ARGUMENT,
                        "Send one OpenSSH public-key line on stdin, e.g. the content of ~/.ssh/id_ed25519.pub."));
    }
}
