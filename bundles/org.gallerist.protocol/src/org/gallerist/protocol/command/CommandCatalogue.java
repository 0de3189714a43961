package org.gallerist.protocol.command;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.ImageSize;
import org.gallerist.api.order.SalesGrouping;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * The built-in commands and the one way to read and write their command lines. The server parses what arrives into a
 * request object ({@link #parse}); the client fills one in and turns it into words ({@link #words}); both read its
 * {@link Replay} safety from the same place. A fresh picocli {@code CommandLine} serves each parse (they hold state).
 */
public final class CommandCatalogue {

    /** The top-level commands of a logged-in user, as their command words. */
    private static final List<Class<? extends WireCommand>> USER_COMMANDS = List.of(Account.Whoami.class,
            Account.Ping.class, Account.Help.class, Keys.class, Password.class, Images.class, Tags.class, Orders.class, Server.class, Users.class);

    private final Map<String, Class<? extends WireCommand>> topLevel = new LinkedHashMap<>();
    private final Map<Class<?>, List<String>> paths = new LinkedHashMap<>();

    public CommandCatalogue() {
        for (Class<? extends WireCommand> command : USER_COMMANDS) {
            topLevel.put(nameOf(command), command);
            index(command, List.of());
        }
        index(Account.Signup.class, List.of());
    }

    /** The top-level command words a logged-in user may call. */
    public List<String> commandWords() {
        return List.copyOf(topLevel.keySet());
    }

    /** A built-in top-level command's description, as {@code help} shows it; empty for other words. */
    public String summary(String word) {
        Class<? extends WireCommand> command = topLevel.get(word);
        return command == null ? "" : String.join(" ", command.getAnnotation(Command.class).description());
    }

    /** The command class behind a top-level word, if it is a built-in one. */
    public Optional<Class<? extends WireCommand>> command(String word) {
        return Optional.ofNullable(topLevel.get(word));
    }

    /**
     * Parses the words after a top-level command word into the request they make.
     *
     * @throws GalleristException {@code usage} for what the command line cannot be (unknown option or sub-command,
     *                            missing or mistyped value, stray argument), naming the {@code word} and the
     *                            {@code usage} line
     * @throws HelpRequested      for {@code --help} anywhere in the line
     */
    public WireCommand parse(Class<? extends WireCommand> command, List<String> args) {
        CommandLine line = commandLine(command);
        ParseResult result;
        try {
            result = line.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw usageError(e);
        }
        ParseResult deepest = result;
        while (true) {
            if (deepest.isUsageHelpRequested()) {
                throw new HelpRequested(deepest.commandSpec().commandLine().getUsageMessage());
            }
            if (!deepest.hasSubcommand()) {
                break;
            }
            deepest = deepest.subcommand();
        }
        CommandSpec spec = deepest.commandSpec();
        if (!spec.subcommands().isEmpty()) {
            throw usage("Give a sub-command: " + String.join(", ", spec.subcommands().keySet()) + ".",
                    args.isEmpty() ? spec.qualifiedName() : args.get(0), spec);
        }
        return (WireCommand) spec.userObject();
    }

    /** The words of the command line that makes this request, command words first; values never look like options. */
    public List<String> words(WireCommand request) {
        List<String> words = new ArrayList<>(path(request.getClass()));
        CommandSpec spec = CommandSpec.forAnnotatedObject(request);
        for (OptionSpec option : spec.options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            Object value = option.getValue();
            String name = option.longestName();
            if (value instanceof Boolean flag) {
                if (flag) {
                    words.add(name);
                }
            } else if (value instanceof Collection<?> values) {
                values.forEach(each -> words.add(name + "=" + text(each)));
            } else if (value != null) {
                words.add(name + "=" + text(value));
            }
        }
        List<String> positional = new ArrayList<>();
        for (PositionalParamSpec parameter : spec.positionalParameters()) {
            Object value = parameter.getValue();
            if (value instanceof Collection<?> values) {
                values.forEach(each -> positional.add(text(each)));
            } else if (value != null) {
                positional.add(text(value));
            }
        }
        if (positional.stream().anyMatch(word -> word.startsWith("-"))) {
            words.add("--");
        }
        words.addAll(positional);
        return words;
    }

    /**
     * Whether a whole command line (command words first) may be sent again after a lost connection without
     * anything to recognise the first try by: only {@link Replay.Safety#SAFE} requests, as parsed here.
     */
    public boolean safeToReplay(List<String> words) {
        if (words.isEmpty() || !topLevel.containsKey(words.get(0))) {
            return false;
        }
        try {
            return parse(topLevel.get(words.get(0)), words.subList(1, words.size())).replay() == Replay.Safety.SAFE;
        } catch (HelpRequested help) {
            return true;
        } catch (RuntimeException unusable) {
            return false;
        }
    }

    /** Every command a logged-in user or the sign-up login can run, with what a reference needs to say. */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<Class<?>, List<String>> command : paths.entrySet()) {
            CommandLine line = commandLine(command.getKey());
            CommandSpec spec = line.getCommandSpec();
            if (!spec.subcommands().isEmpty()) {
                continue;
            }
            Replay replay = command.getKey().getAnnotation(Replay.class);
            entries.add(new Entry(String.join(" ", command.getValue()), synopsis(line),
                    String.join(" ", spec.usageMessage().description()),
                    replay == null ? Replay.Safety.NEVER : replay.value(), line.getUsageMessage()));
        }
        return entries;
    }

    /** One command of the reference: its words, one-line usage, what it does and whether it may be sent again. */
    public record Entry(String command, String synopsis, String description, Replay.Safety replay, String help) {
    }

    private void index(Class<?> command, List<String> parent) {
        List<String> path = new ArrayList<>(parent);
        path.add(nameOf(command));
        paths.put(command, List.copyOf(path));
        for (Class<?> sub : command.getAnnotation(Command.class).subcommands()) {
            index(sub, path);
        }
    }

    private List<String> path(Class<?> command) {
        List<String> path = paths.get(command);
        if (path == null) {
            throw new IllegalArgumentException(command.getName() + " is not a command of the catalogue");
        }
        return path;
    }

    /** A command line for a command, as part of its hierarchy so that usage names it in full. */
    private CommandLine commandLine(Class<?> command) {
        List<String> path = path(command);
        Class<?> top = command;
        for (Map.Entry<Class<?>, List<String>> candidate : paths.entrySet()) {
            if (candidate.getValue().equals(path.subList(0, 1))) {
                top = candidate.getKey();
            }
        }
        CommandLine line = new CommandLine(top);
        line.setUsageHelpWidth(100);
        // --name=--private names an image "--private"; an option's value is never taken for an option itself
        line.setAllowOptionsAsOptionParameters(true);
        for (String word : path.subList(1, path.size())) {
            line = line.getSubcommands().get(word);
        }
        return line;
    }

    private static GalleristException usageError(CommandLine.ParameterException e) {
        String word = e.getValue();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            word = unmatched.getUnmatched().get(0);
        } else if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
            word = nameOf(missing.getMissing().get(0));
        } else if (word == null && e.getArgSpec() != null) {
            word = nameOf(e.getArgSpec());
        }
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        return usage(e.getMessage() + ".", word, spec);
    }

    private static GalleristException usage(String message, String word, CommandSpec spec) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(GalleristException.WORD, word == null ? "" : word);
        details.put(GalleristException.USAGE, synopsis(spec.commandLine()));
        return new GalleristException(ErrorCode.USAGE, message.replaceAll("\\.+$", ".") + " Usage: "
                + details.get(GalleristException.USAGE) + " (" + spec.qualifiedName() + " --help explains it)", details);
    }

    private static String synopsis(CommandLine line) {
        return line.getHelp().synopsis(0).replaceAll("\\s+", " ").strip();
    }

    private static String nameOf(ArgSpec spec) {
        return spec instanceof OptionSpec option ? option.longestName() : spec.paramLabel();
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof ImageSize size) {
            return size.wireName();
        }
        if (value instanceof SalesGrouping grouping) {
            return grouping.wireName();
        }
        return String.valueOf(value);
    }
}
