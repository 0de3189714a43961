package org.gallerist.transport.ssh.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.account.AccountService;
import org.gallerist.api.account.AuthorizedKey;
import org.gallerist.api.command.CommandHandler;
import org.gallerist.api.command.CommandRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code keys add|list|remove}: the caller's own authorized public keys. */
@Component(property = CommandHandler.COMMAND_PROPERTY + "=" + KeysCommand.NAME)
public class KeysCommand implements CommandHandler {

    static final String NAME = "keys";
    static final String USAGE = "Usage: keys add (one OpenSSH public-key line on stdin) | keys list | keys remove FINGERPRINT";
    private static final int MAX_KEY_INPUT = 64 * 1024;

    private final AccountService accounts;

    @Activate
    public KeysCommand(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Manage your SSH public keys: keys add (key line on stdin), keys list, keys remove FINGERPRINT.";
    }

    @Override
    public void execute(CommandRequest request) throws Exception {
        List<String> args = request.args();
        String user = request.caller().name();
        String sub = args.isEmpty() ? "" : args.get(0);
        switch (sub) {
        case "add" -> {
            requireArgs(args, 1);
            request.output().emit(toJson(accounts.addKey(user, readKeyLine(request.input()))));
        }
        case "list" -> {
            requireArgs(args, 1);
            for (AuthorizedKey key : accounts.keys(user)) {
                request.output().emit(toJson(key));
            }
        }
        case "remove" -> {
            requireArgs(args, 2);
            accounts.removeKey(user, args.get(1));
            request.output().emit(Map.of("removed", args.get(1)));
        }
        default -> throw invalid();
        }
    }

    static Map<String, Object> toJson(AuthorizedKey key) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("fingerprint", key.fingerprint());
        line.put("type", key.type());
        line.put("comment", key.comment());
        line.put("added", key.added().toString());
        line.put("key", key.openSshLine());
        return line;
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

    private static void requireArgs(List<String> args, int count) {
        if (args.size() != count) {
            throw invalid();
        }
    }

    private static GalleristException invalid() {
        return new GalleristException(ErrorCode.INVALID_ARGUMENT, USAGE);
    }
}
