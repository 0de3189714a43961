package org.gallerist.transport.ssh.client.internal;

import java.util.List;
import java.util.Set;

/**
 * Which commands given to {@code exec} may be sent again after their connection was lost: those that change
 * nothing, those that set values (the same result however often), and orders carrying a request key.
 */
final class Replays {

    private static final Set<List<String>> SAFE = Set.of(List.of("whoami"), List.of("help"), List.of("keys", "list"),
            List.of("images", "list"), List.of("images", "show"), List.of("images", "get"), List.of("images", "update"),
            List.of("images", "similar"), List.of("server", "info"), List.of("tags", "list"), List.of("orders", "list"),
            List.of("orders", "sales"));

    private Replays() {
    }

    static boolean safe(List<String> command) {
        if (command.isEmpty()) {
            return false;
        }
        if (SAFE.contains(command.subList(0, 1))) {
            return true;
        }
        if (command.size() < 2) {
            return false;
        }
        List<String> subCommand = command.subList(0, 2);
        return SAFE.contains(subCommand) || subCommand.equals(List.of("orders", "place"))
                && command.stream().anyMatch(word -> word.equals("--request") || word.startsWith("--request="));
    }
}
