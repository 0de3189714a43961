package org.gallerist.transport.ssh.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.account.AccountService;
import org.gallerist.protocol.Replies;
import org.gallerist.protocol.command.Password;
import org.gallerist.spi.command.CommandHandler;
import org.gallerist.spi.command.ProtocolCommandHandler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code password set}: the caller's new password, proven by the current one or a reset's token. The only command
 * besides {@code whoami}, {@code ping} and {@code help} that an account with a pending reset may run.
 */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + "=" + PasswordCommand.NAME)
public class PasswordCommand extends ProtocolCommandHandler {

    static final String NAME = "password";
    /** Two lines of at most 1024 characters each, in UTF-8, with room for line breaks. */
    private static final int MAX_INPUT = 8 * 1024;

    @Activate
    public PasswordCommand(@Reference AccountService accounts) {
        super(Password.class);
        on(Password.Set.class, (set, request) -> {
            char[][] lines = twoLines(request.input());
            try {
                accounts.changePassword(request.caller().name(), lines[0], lines[1]);
            } finally {
                Arrays.fill(lines[0], '\0');
                Arrays.fill(lines[1], '\0');
            }
            request.output().emit(new Replies.PasswordChanged(request.caller().name(), true));
        });
    }

    private static char[][] twoLines(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_INPUT + 1);
        if (bytes.length > MAX_INPUT) {
            Arrays.fill(bytes, (byte) 0);
            throw new GalleristException(ErrorCode.TOO_LONG, "The input is longer than " + MAX_INPUT + " bytes; send"
                    + " two lines.", Map.of(GalleristException.LIMIT, "password_input", GalleristException.MAX,
                            MAX_INPUT));
        }
        CharBuffer text = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        Arrays.fill(bytes, (byte) 0);
        try {
            char[] current = SignupCommand.firstLine(text);
            if (!text.hasRemaining()) {
                Arrays.fill(current, '\0');
                throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "Send your current password (or the reset"
                        + " token) on the first line of stdin and the new password on the second.");
            }
            return new char[][] { current, SignupCommand.firstLine(text) };
        } finally {
            Arrays.fill(text.array(), '\0');
        }
    }
}
