package org.gallerist.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class LaunchArgumentsTest {
    private static final ConnectionSettings SAVED = new ConnectionSettings("saved", 2222, "bob");

    @Test
    void noArgumentsKeepTheSavedSettings() {
        assertEquals(SAVED, LaunchArguments.apply(SAVED, List.of()));
    }

    @Test
    void separateValues() {
        assertEquals(new ConnectionSettings("h", 8022, "alice"),
                LaunchArguments.apply(SAVED, List.of("--host", "h", "--port", "8022", "--user", "alice")));
    }

    @Test
    void inlineValuesAndUnknownArguments() {
        assertEquals(new ConnectionSettings("h", 2222, "alice"),
                LaunchArguments.apply(SAVED, List.of("-clearPersistedState", "--host=h", "--verbose", "--user=alice")));
    }

    @Test
    void badPortIsIgnored() {
        assertEquals(SAVED, LaunchArguments.apply(SAVED, List.of("--port", "none")));
    }

    @Test
    void trailingFlagWithoutValueIsIgnored() {
        assertEquals(SAVED, LaunchArguments.apply(SAVED, List.of("--host")));
    }

    @Test
    void helpAndVersionAreAskedForAndTheUsageIsGenerated() {
        assertEquals(LaunchArguments.Requested.HELP, LaunchArguments.requested(List.of("-clearPersistedState", "--help")));
        assertEquals(LaunchArguments.Requested.VERSION, LaunchArguments.requested(List.of("--version")));
        assertEquals(LaunchArguments.Requested.RUN, LaunchArguments.requested(List.of("--host", "h", "-data", "x")));
        String usage = LaunchArguments.usage();
        assertTrue(usage.contains("--host=HOST") && usage.contains("--port=PORT") && usage.contains("--user=USER"),
                usage);
    }
}
