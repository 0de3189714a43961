package org.gallerist.client.core.internal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The desktop client's own launch options, as picocli reads them. The workbench passes its own arguments too
 * ({@code -clearPersistedState}, ...), which are left to it. The port is text: an unusable one is ignored, since the
 * connect dialog lets the user correct everything.
 */
@Command(name = "gallerist-client", mixinStandardHelpOptions = true,
        description = "Opens the Gallerist desktop client; the connect dialog starts with these settings.")
public final class ClientCommandLine {

    @Option(names = "--host", paramLabel = "HOST", description = "The server to connect to.")
    public String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Its SSH port.")
    public String port;

    @Option(names = "--user", paramLabel = "USER", description = "The account to log in as.")
    public String user;

    @Option(names = "--plugins", description = "List the installed plugins and what they add, then exit.")
    public boolean plugins;
}
