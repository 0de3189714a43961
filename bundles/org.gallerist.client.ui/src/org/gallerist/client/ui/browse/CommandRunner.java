package org.gallerist.client.ui.browse;

import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;

/**
 * Executes the application model's commands that other areas of the client handle (add to cart, upload), so this
 * code needs none of their classes. Where a command has no handler (yet), {@link #canExecute} says so and menus
 * disable the item instead of failing.
 */
public final class CommandRunner {
    private final ECommandService commands;
    private final EHandlerService handlers;

    /** Both may be null (outside a workbench): then nothing can be executed. */
    public CommandRunner(ECommandService commands, EHandlerService handlers) {
        this.commands = commands;
        this.handlers = handlers;
    }

    public boolean canExecute(String commandId, Map<String, Object> parameters) {
        ParameterizedCommand command = command(commandId, parameters);
        return command != null && handlers.canExecute(command);
    }

    /** @return false when the command could not be executed (unknown, no handler, or not enabled) */
    public boolean execute(String commandId, Map<String, Object> parameters) {
        ParameterizedCommand command = command(commandId, parameters);
        if (command == null || !handlers.canExecute(command)) {
            return false;
        }
        handlers.executeHandler(command);
        return true;
    }

    private ParameterizedCommand command(String commandId, Map<String, Object> parameters) {
        if (commands == null || handlers == null) {
            return null;
        }
        try {
            return commands.createCommand(commandId, parameters);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
