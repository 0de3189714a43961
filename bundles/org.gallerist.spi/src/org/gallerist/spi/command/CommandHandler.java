package org.gallerist.spi.command;

import org.gallerist.api.GalleristException;

/**
 * Whiteboard service: one top-level command of the SSH exec contract (e.g. {@code keys}, {@code whoami}).
 * The transport dispatches on the first word; when two handlers claim a name the one with the highest
 * {@code service.ranking} wins. Third-party bundles add commands by registering one of these.
 */
public interface CommandHandler {

    /** Service property naming the command word this handler answers. */
    String COMMAND_PROPERTY = "gallerist.command";

    /** The first word of the exec command this handler answers, when the service property does not say it. */
    default String name() {
        return "";
    }

    /**
     * One line of help, shown by {@code help}; a built-in command of the protocol may leave it empty, and the help
     * then shows the protocol's own description of the command.
     */
    default String summary() {
        return "";
    }

    /**
     * Runs the command. JSON results go to {@link CommandRequest#output()}; a failure the caller should see is a
     * {@link GalleristException}, anything else becomes an {@code internal} error without details.
     */
    void execute(CommandRequest request) throws Exception;
}
