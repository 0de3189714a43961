package org.gallerist.spi.command;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;

import org.gallerist.api.User;

/**
 * One exec request.
 *
 * @param caller the logged-in user
 * @param args   the words after the command name, shell-style unquoted
 * @param input  the channel's stdin
 * @param output where results go
 * @param source the remote address, for rate limits and logs
 */
public record CommandRequest(User caller, List<String> args, InputStream input, CommandOutput output, String source) {
    public CommandRequest {
        Objects.requireNonNull(caller, "caller");
        args = List.copyOf(args);
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
    }
}
