package org.gallerist.transport.ssh.server.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.User;
import org.gallerist.api.account.AccountService;
import org.gallerist.spi.command.CommandRequest;
import org.gallerist.protocol.WireJson;
import org.gallerist.protocol.command.HelpRequested;
import org.gallerist.api.log.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one exec request to its exit status: splits the line, picks the handler, writes JSON lines to stdout and,
 * on failure, one {@code {"error", "message", ...details}} line to stderr. Exit status 0 on success, 2 for a command
 * line that cannot be parsed ({@code usage}), 1 for any other failure; {@code --help} prints usage text and exits 0.
 * No SSH types here.
 */
final class CommandDispatcher {

    static final String INTERNAL_MESSAGE = "internal error";
    static final int USAGE_STATUS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(CommandDispatcher.class);
    /** What an account with a pending password reset may still run. */
    private static final Set<String> DURING_RESET = Set.of(PasswordCommand.NAME, WhoamiCommand.NAME,
            PingCommand.NAME, HelpCommand.NAME);

    private final AccountService accounts;
    private final CommandRegistry registry;
    private final SignupCommand signup;
    private final WireJson json;
    private final RandomGenerator refs = new SecureRandom();

    CommandDispatcher(AccountService accounts, CommandRegistry registry, SignupCommand signup, WireJson json) {
        this.accounts = accounts;
        this.registry = registry;
        this.signup = signup;
        this.json = json;
    }

    /** @return the exit status: 0 on success, 2 for a usage error, 1 on any other failure */
    int run(String username, String source, String commandLine, InputStream in, OutputStream out, OutputStream err) {
        return run(username, source, commandLine, in, out, err, () -> false);
    }

    /**
     * Like {@link #run(String, String, String, InputStream, OutputStream, OutputStream)}; {@code abandoned} tells
     * whether the channel went away meanwhile (closed by the client, or stopped at its deadline), in which case a
     * failure is only what followed from that and is not reported as an internal error.
     */
    int run(String username, String source, String commandLine, InputStream in, OutputStream out, OutputStream err,
            BooleanSupplier abandoned) {
        BufferedOutputStream stdout = new BufferedOutputStream(out);
        StreamOutput output = new StreamOutput(stdout, json);
        try {
            try {
                List<String> words = CommandLine.split(commandLine);
                if (SignupCommand.LOGIN.equals(username)) {
                    signup.run(words, in, output, source);
                } else {
                    dispatch(caller(username), words, in, output, source);
                }
            } finally {
                stdout.flush();
            }
            return 0;
        } catch (HelpRequested help) {
            return printHelp(out, help.text());
        } catch (GalleristException e) {
            return e.code() == ErrorCode.INTERNAL ? internal(err, username, source, commandLine, e) : fail(err, e);
        } catch (Exception | LinkageError | AssertionError e) {
            if (abandoned.getAsBoolean()) {
                LOG.debug("Command {} of user {} ended with its channel: {}", LogText.quote(commandLine),
                        LogText.quote(username), e.toString());
                return 1;
            }
            return internal(err, username, source, commandLine, e);
        }
    }

    /** The detail goes to the log under a reference; the caller gets only the reference. */
    private int internal(OutputStream err, String username, String source, String commandLine, Throwable e) {
        String ref = Long.toHexString(refs.nextLong() & 0xffffffffffL);
        LOG.error("Internal error ref {}: command {} of user {} from {} failed", ref, LogText.quote(commandLine),
                LogText.quote(username), source, e);
        return fail(err, new GalleristException(ErrorCode.INTERNAL, INTERNAL_MESSAGE,
                Map.of(GalleristException.REF, ref)));
    }

    /** Answers a command that is not run at all (a session over a cap, a command past its deadline). */
    int refuse(OutputStream err, GalleristException refusal) {
        return fail(err, refusal);
    }

    private void dispatch(User caller, List<String> words, InputStream in, StreamOutput output, String source)
            throws Exception {
        if (words.isEmpty()) {
            throw new GalleristException(ErrorCode.USAGE, "No command given; run 'help' to list the commands.",
                    Map.of(GalleristException.WORD, "", GalleristException.USAGE, "COMMAND [ARGS] (help lists them)"));
        }
        String name = words.get(0);
        if (!DURING_RESET.contains(name) && accounts.passwordChangeRequired(caller.name())) {
            throw new GalleristException(ErrorCode.PASSWORD_CHANGE_REQUIRED, "An admin reset your password: set a"
                    + " new one first with 'password set' (stdin: the one-time token, then the new password).");
        }
        try (CommandRegistry.Lease lease = registry.find(name).orElseThrow(() -> unknown(name))) {
            lease.handler().execute(new CommandRequest(caller, words.subList(1, words.size()), in, output, source));
        }
    }

    /** The account behind an authenticated login; checked again per request so disabling takes effect at once. */
    private User caller(String username) {
        return accounts.find(username).filter(user -> !user.disabled())
                .orElseThrow(() -> new GalleristException(ErrorCode.FORBIDDEN, "Your account is disabled."));
    }

    private GalleristException unknown(String name) {
        return new GalleristException(ErrorCode.USAGE, "Unknown command '" + printable(name) + "'. Known commands: "
                + String.join(", ", registry.names()) + ".", Map.of(GalleristException.WORD, printable(name),
                        GalleristException.USAGE, "COMMAND [ARGS] (help lists them)"));
    }

    private int fail(OutputStream err, GalleristException e) {
        try {
            json.writeError(err, e);
        } catch (IOException closed) {
            LOG.debug("Could not report '{}' to a closed channel", e.code().wireName());
        }
        return e.code() == ErrorCode.USAGE ? USAGE_STATUS : 1;
    }

    private static int printHelp(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException closed) {
            LOG.debug("Could not print help to a closed channel");
        }
        return 0;
    }

    private static String printable(String text) {
        String cleaned = text.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 80 ? cleaned.substring(0, 80) + "..." : cleaned;
    }
}
