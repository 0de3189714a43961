package org.gallerist.transport.ssh.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.List;

import org.gallerist.spi.command.CommandHandler;
import org.gallerist.spi.command.CommandRequest;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;

class CommandRegistryTest {

    private record Handler(String name, String summary) implements CommandHandler {
        @Override
        public void execute(CommandRequest request) {
        }
    }

    /** A registered handler as SCR would hand it over: ranking and id decide, as in ServiceReference.compareTo. */
    @SuppressWarnings("unchecked")
    private static ComponentServiceObjects<CommandHandler> registered(Handler handler, int ranking, long id,
            boolean withProperty) {
        ServiceReference<CommandHandler>[] self = new ServiceReference[1];
        self[0] = (ServiceReference<CommandHandler>) Proxy.newProxyInstance(CommandRegistryTest.class.getClassLoader(),
                new Class<?>[] { ServiceReference.class }, (proxy, method, args) -> switch (method.getName()) {
                case "getProperty" -> switch ((String) args[0]) {
                    case CommandHandler.COMMAND_PROPERTY -> withProperty ? handler.name() : null;
                    case Constants.SERVICE_RANKING -> ranking;
                    case Constants.SERVICE_ID -> id;
                    default -> null;
                    };
                case "compareTo" -> {
                    ServiceReference<?> other = (ServiceReference<?>) args[0];
                    int byRanking = Integer.compare(ranking, (Integer) other.getProperty(Constants.SERVICE_RANKING));
                    yield byRanking != 0 ? byRanking : Long.compare((Long) other.getProperty(Constants.SERVICE_ID), id);
                }
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> null;
                });
        return new ComponentServiceObjects<>() {
            @Override
            public CommandHandler getService() {
                return handler;
            }

            @Override
            public void ungetService(CommandHandler service) {
            }

            @Override
            public ServiceReference<CommandHandler> getServiceReference() {
                return self[0];
            }
        };
    }

    private static CommandRegistry registry(List<ComponentServiceObjects<CommandHandler>> handlers) throws Exception {
        CommandRegistry registry = new CommandRegistry();
        Field field = CommandRegistry.class.getDeclaredField("handlers");
        field.setAccessible(true);
        field.set(registry, handlers);
        return registry;
    }

    @Test
    void theHighestRankingWinsAndTiesGoToTheOlderService() throws Exception {
        Handler low = new Handler("images", "low");
        Handler high = new Handler("images", "high");
        Handler older = new Handler("tags", "older");
        Handler newer = new Handler("tags", "newer");
        CommandRegistry registry = registry(List.of(registered(low, 0, 1, true), registered(high, 10, 2, true),
                registered(newer, 0, 4, true), registered(older, 0, 3, true)));
        try (CommandRegistry.Lease lease = registry.find("images").orElseThrow()) {
            assertEquals("high", lease.handler().summary());
        }
        try (CommandRegistry.Lease lease = registry.find("tags").orElseThrow()) {
            assertEquals("older", lease.handler().summary());
        }
    }

    @Test
    void handlersWithoutTheNamePropertyAreAskedForTheirName() throws Exception {
        CommandRegistry registry = registry(List.of(registered(new Handler("whoami", "who"), 0, 1, false)));
        assertTrue(registry.find("whoami").isPresent());
        assertEquals(List.of(new CommandRegistry.Entry("whoami", "who")), registry.entries());
    }

    @Test
    void unknownNamesFindNothingAndNamesAreSorted() throws Exception {
        CommandRegistry registry = registry(List.of(registered(new Handler("b", ""), 0, 1, true),
                registered(new Handler("a", ""), 0, 2, true)));
        assertTrue(registry.find("c").isEmpty());
        assertEquals(List.of("a", "b"), registry.names());
    }
}
