package org.gallerist.client.core;

import java.util.List;

/** Applies {@code --host H --port P --user U} (or {@code --host=H}) from the command line over saved settings. */
public final class LaunchArguments {

    private LaunchArguments() {
    }

    /** Unknown arguments and unusable ports are ignored: the dialog still lets the user correct everything. */
    public static ConnectionSettings apply(ConnectionSettings base, List<String> args) {
        ConnectionSettings result = base;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            boolean inline = arg.startsWith("--") && equals > 0;
            if (inline) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(i + 1);
            }
            if (value == null) {
                continue;
            }
            boolean consumed = true;
            switch (name) {
                case "--host" -> result = result.withHost(value.strip());
                case "--user" -> result = result.withUser(value.strip());
                case "--port" -> {
                    var port = FormValidation.parsePort(value);
                    if (port.isPresent()) {
                        result = result.withPort(port.getAsInt());
                    }
                }
                default -> consumed = false;
            }
            if (consumed && !inline) {
                i++;
            }
        }
        return result;
    }
}
