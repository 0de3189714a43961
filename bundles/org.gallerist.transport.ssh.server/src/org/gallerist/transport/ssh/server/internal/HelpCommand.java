package org.gallerist.transport.ssh.server.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.command.CommandHandler;
import org.gallerist.api.command.CommandRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code help}: one line per available command. */
@Component(property = CommandHandler.COMMAND_PROPERTY + "=" + HelpCommand.NAME)
public class HelpCommand implements CommandHandler {

    static final String NAME = "help";

    private final CommandRegistry registry;

    @Activate
    public HelpCommand(@Reference CommandRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "List the available commands.";
    }

    @Override
    public void execute(CommandRequest request) throws Exception {
        if (!request.args().isEmpty()) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "Usage: help");
        }
        for (CommandRegistry.Entry entry : registry.entries()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("command", entry.name());
            line.put("summary", entry.summary());
            request.output().emit(line);
        }
    }
}
