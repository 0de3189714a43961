package org.gallerist.client.core;

import java.util.List;

import org.gallerist.client.core.internal.ClientCommandLine;

import picocli.CommandLine;

/** Applies {@code --host H --port P --user U} (or {@code --host=H}) from the command line over saved settings. */
public final class LaunchArguments {

    /** What the command line asks for: open the client, or only print the usage, the version or the plugins. */
    public enum Requested {
        RUN, HELP, VERSION, PLUGINS
    }

    private LaunchArguments() {
    }

    public static Requested requested(List<String> args) {
        ClientCommandLine given = new ClientCommandLine();
        CommandLine line = commandLine(given);
        try {
            line.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException unusable) {
            return Requested.RUN;
        }
        return line.isUsageHelpRequested() ? Requested.HELP
                : line.isVersionHelpRequested() ? Requested.VERSION : given.plugins ? Requested.PLUGINS : Requested.RUN;
    }

    /** The usage text of {@code --help}, generated from the options. */
    public static String usage() {
        return commandLine(new ClientCommandLine()).getUsageMessage();
    }

    private static CommandLine commandLine(ClientCommandLine options) {
        CommandLine line = new CommandLine(options);
        line.setUnmatchedArgumentsAllowed(true);
        return line;
    }

    /** Other arguments, unusable ports and options without a value are ignored: the dialog lets the user correct all. */
    public static ConnectionSettings apply(ConnectionSettings base, List<String> args) {
        ClientCommandLine given = new ClientCommandLine();
        CommandLine line = commandLine(given);
        try {
            line.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException unusable) {
            return base;
        }
        ConnectionSettings result = base;
        if (given.host != null) {
            result = result.withHost(given.host.strip());
        }
        if (given.user != null) {
            result = result.withUser(given.user.strip());
        }
        if (given.port != null) {
            var port = FormValidation.parsePort(given.port);
            if (port.isPresent()) {
                result = result.withPort(port.getAsInt());
            }
        }
        return result;
    }
}
