package org.gallerist.transport.ssh.server.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.User;
import org.gallerist.api.command.CommandHandler;
import org.gallerist.api.command.CommandRequest;
import org.osgi.service.component.annotations.Component;

/** {@code whoami}: the logged-in user and role. */
@Component(property = CommandHandler.COMMAND_PROPERTY + "=" + WhoamiCommand.NAME)
public class WhoamiCommand implements CommandHandler {

    static final String NAME = "whoami";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Show the user you are logged in as and its role.";
    }

    @Override
    public void execute(CommandRequest request) throws Exception {
        if (!request.args().isEmpty()) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "Usage: whoami");
        }
        User user = request.caller();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("user", user.name());
        line.put("role", user.role().wireName());
        line.put("created", user.created().toString());
        request.output().emit(line);
    }
}
