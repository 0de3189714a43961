package org.gallerist.transport.ssh.server.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.gallerist.spi.command.CommandHandler;
import org.gallerist.protocol.command.CommandCatalogue;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The whiteboard of {@link CommandHandler}s. Handlers are held as {@link ComponentServiceObjects} so that binding
 * one never activates it (the {@code help} handler itself depends on this registry), and fetched only to run.
 */
@Component(service = CommandRegistry.class)
public class CommandRegistry {

    /** A handler chosen for a command word; close it when the command is done. */
    public interface Lease extends AutoCloseable {
        CommandHandler handler();

        @Override
        void close();
    }

    /** One line of help. */
    public record Entry(String name, String summary) {
    }

    private final CommandCatalogue catalogue = new CommandCatalogue();

    @Reference(service = CommandHandler.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ComponentServiceObjects<CommandHandler>> handlers = List.of();

    /** The highest-ranked handler for this command word, if any. */
    public Optional<Lease> find(String name) {
        Map<String, ComponentServiceObjects<CommandHandler>> winners = winners();
        ComponentServiceObjects<CommandHandler> objects = winners.get(name);
        if (objects == null) {
            return Optional.empty();
        }
        CommandHandler handler = objects.getService();
        if (handler == null) {
            return Optional.empty();
        }
        return Optional.of(new Lease() {
            @Override
            public CommandHandler handler() {
                return handler;
            }

            @Override
            public void close() {
                try {
                    objects.ungetService(handler);
                } catch (IllegalStateException | IllegalArgumentException gone) {
                    // the handler went away while running; nothing left to release
                }
            }
        });
    }

    /** The command words with their one-line summaries, sorted by name. */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (String name : winners().keySet()) {
            find(name).ifPresent(lease -> {
                try (lease) {
                    String summary = lease.handler().summary();
                    entries.add(new Entry(name, summary.isBlank() ? catalogue.summary(name) : summary));
                }
            });
        }
        return entries;
    }

    public List<String> names() {
        return List.copyOf(winners().keySet());
    }

    private Map<String, ComponentServiceObjects<CommandHandler>> winners() {
        Map<String, ComponentServiceObjects<CommandHandler>> winners = new TreeMap<>();
        Comparator<ComponentServiceObjects<CommandHandler>> byRanking = Comparator.comparing(
                ComponentServiceObjects::getServiceReference);
        for (ComponentServiceObjects<CommandHandler> objects : handlers) {
            String name = nameOf(objects);
            if (name != null && !name.isBlank()) {
                winners.merge(name, objects, (a, b) -> byRanking.compare(a, b) >= 0 ? a : b);
            }
        }
        return winners;
    }

    /** The {@code gallerist.command} property if set, else what the handler says. */
    private static String nameOf(ComponentServiceObjects<CommandHandler> objects) {
        ServiceReference<CommandHandler> reference = objects.getServiceReference();
        Object property = reference.getProperty(CommandHandler.COMMAND_PROPERTY);
        if (property instanceof String name) {
            return name;
        }
        try {
            CommandHandler handler = objects.getService();
            if (handler == null) {
                return null;
            }
            try {
                return handler.name();
            } finally {
                objects.ungetService(handler);
            }
        } catch (IllegalStateException gone) {
            return null;
        }
    }
}
