package org.gallerist.transport.ssh.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.account.AccountService;
import org.gallerist.spi.command.CommandHandler;
import org.gallerist.spi.command.ProtocolCommandHandler;
import org.gallerist.protocol.Replies;
import org.gallerist.protocol.command.Keys;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code keys add|list|remove}: the caller's own authorized public keys. */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + "=" + KeysCommand.NAME)
public class KeysCommand extends ProtocolCommandHandler {

    static final String NAME = "keys";
    private static final int MAX_KEY_INPUT = 64 * 1024;

    @Activate
    public KeysCommand(@Reference AccountService accounts) {
        super(Keys.class);
        on(Keys.Add.class, (add, request) -> request.output().emit(Replies.PublicKey.of(
                accounts.addKey(request.caller().name(), readKeyLine(request.input())))));
        on(Keys.List.class, (list, request) -> request.output().emitAll(accounts.keys(request.caller().name())
                .stream().map(Replies.PublicKey::of).toList()));
        on(Keys.Remove.class, (remove, request) -> {
            accounts.removeKey(request.caller().name(), remove.fingerprint());
            request.output().emit(new Replies.KeyRemoved(remove.fingerprint()));
        });
    }

    /** The first non-blank line of stdin. */
    private static String readKeyLine(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_KEY_INPUT + 1);
        if (bytes.length > MAX_KEY_INPUT) {
            throw new GalleristException(ErrorCode.TOO_LONG, "The key input is longer than " + MAX_KEY_INPUT
                    + " bytes; send one key line.", Map.of(GalleristException.LIMIT, "key_input",
                            GalleristException.MAX, MAX_KEY_INPUT));
        }
        return new String(bytes, StandardCharsets.UTF_8).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .findFirst()
                .orElseThrow(() -> new GalleristException(ErrorCode.INVALID_ARGUMENT,
                        "Send one OpenSSH public-key line on stdin, e.g. the content of ~/.ssh/id_ed25519.pub."));
    }
}
