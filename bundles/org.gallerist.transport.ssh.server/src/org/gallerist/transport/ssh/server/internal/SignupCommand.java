package org.gallerist.transport.ssh.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.User;
import org.gallerist.api.account.AccountService;
import org.gallerist.spi.command.CommandOutput;
import org.gallerist.protocol.Replies;
import org.gallerist.protocol.command.Account;
import org.gallerist.protocol.command.CommandCatalogue;

/**
 * The only thing the credential-less {@code signup} login can do: {@code signup USERNAME}, with the password as
 * the first line of stdin and optional OpenSSH public-key lines after it.
 */
final class SignupCommand {

    static final String LOGIN = "signup";
    static final String USAGE = "The 'signup' login can only run: signup USERNAME "
            + "(password on the first line of stdin, then optional public-key lines).";
    private static final int MAX_INPUT = 256 * 1024;

    private final CommandCatalogue catalogue = new CommandCatalogue();
    private final AccountService accounts;
    private final boolean enabled;
    private final SignupRateLimiter limiter;

    SignupCommand(AccountService accounts, boolean enabled, SignupRateLimiter limiter) {
        this.accounts = accounts;
        this.enabled = enabled;
        this.limiter = limiter;
    }

    void run(List<String> words, InputStream input, CommandOutput output, String source) throws IOException {
        if (words.isEmpty() || !words.get(0).equals(LOGIN)) {
            throw new GalleristException(ErrorCode.FORBIDDEN, USAGE);
        }
        String username = ((Account.Signup) catalogue.parse(Account.Signup.class, words.subList(1, words.size())))
                .username();
        if (!enabled) {
            throw new GalleristException(ErrorCode.SIGNUP_DISABLED,
                    "Sign-up is switched off on this server; ask its operator for an account.");
        }
        if (!limiter.tryAcquire(source)) {
            throw new GalleristException(ErrorCode.RATE_LIMITED,
                    "Too many sign-ups from your address; try again in an hour.");
        }
        byte[] bytes = input.readNBytes(MAX_INPUT + 1);
        if (bytes.length > MAX_INPUT) {
            throw new GalleristException(ErrorCode.TOO_LONG, "The sign-up input is longer than " + MAX_INPUT
                    + " bytes.", Map.of(GalleristException.LIMIT, "signup_input", GalleristException.MAX, MAX_INPUT));
        }
        CharBuffer text = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        Arrays.fill(bytes, (byte) 0);
        char[] password = firstLine(text);
        List<String> keys = new ArrayList<>();
        String rest = text.toString();
        Arrays.fill(text.array(), '\0');
        rest.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(keys::add);
        User user;
        try {
            user = accounts.signUp(username, password, keys);
        } finally {
            Arrays.fill(password, '\0');
        }
        output.emit(Replies.Account.of(user));
    }

    /** Consumes the first line (without its line break) from the buffer. */
    static char[] firstLine(CharBuffer text) {
        int start = text.position();
        int end = start;
        while (end < text.limit() && text.get(end) != '\n') {
            end++;
        }
        if (end == start && end >= text.limit()) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT,
                    "Send the password as the first line on stdin.");
        }
        int length = end - start;
        if (length > 0 && text.get(end - 1) == '\r') {
            length--;
        }
        char[] line = new char[length];
        text.get(line);
        text.position(Math.min(end + 1, text.limit()));
        return line;
    }
}
