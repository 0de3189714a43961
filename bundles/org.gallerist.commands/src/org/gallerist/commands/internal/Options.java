package org.gallerist.commands.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;

/**
 * GNU-style options of one sub-command: {@code --flag}, {@code --name VALUE} or {@code --name=VALUE}, repeatable
 * where declared; everything else is a positional argument. Unknown options are an error, never ignored.
 */
final class Options {

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Options() {
    }

    /**
     * @param flags    options without a value
     * @param single   options with one value
     * @param repeated options with a value that may be given several times
     */
    static Options parse(List<String> args, Set<String> flags, Set<String> single, Set<String> repeated, String usage) {
        Options options = new Options();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.equals("--")) {
                options.positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String inline = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                inline = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (flags.contains(name)) {
                if (inline != null) {
                    throw invalid("The option --" + name + " takes no value.", usage);
                }
                options.values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else if (single.contains(name) || repeated.contains(name)) {
                String value = inline;
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw invalid("The option --" + name + " needs a value.", usage);
                    }
                    value = args.get(++i);
                }
                List<String> list = options.values.computeIfAbsent(name, k -> new ArrayList<>());
                if (single.contains(name) && !list.isEmpty()) {
                    throw invalid("The option --" + name + " is given twice.", usage);
                }
                list.add(value);
            } else {
                throw invalid("Unknown option '--" + name + "'.", usage);
            }
        }
        return options;
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    String value(String name) {
        List<String> list = values.get(name);
        return list == null ? null : list.get(0);
    }

    String required(String name, String usage) {
        String value = value(name);
        if (value == null) {
            throw invalid("The option --" + name + " is required.", usage);
        }
        return value;
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    List<String> positional() {
        return positional;
    }

    static GalleristException invalid(String message, String usage) {
        return new GalleristException(ErrorCode.INVALID_ARGUMENT, message + " Usage: " + usage);
    }
}
