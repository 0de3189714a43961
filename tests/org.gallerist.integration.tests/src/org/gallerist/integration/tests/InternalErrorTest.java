package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;

import org.gallerist.spi.command.CommandHandler;
import org.gallerist.tests.harness.Await;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.OpenSsh;
import org.gallerist.tests.harness.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A command that fails unexpectedly (here a plugin's, throwing with a secret in its message) tells the caller only
 * "internal error" and a reference; the detail is in the server log under that reference.
 */
class InternalErrorTest {

    private static final String SECRET = "jdbc:derby:/srv/secret-path;password=hunter2";

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh();

    @Test
    void theCallerGetsAReferenceAndTheLogTheDetail() throws Exception {
        OpenSsh.assumeInstalled();
        server.start();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(CommandHandler.COMMAND_PROPERTY, "explode");
        CommandHandler failing = request -> {
            throw new IllegalStateException(SECRET);
        };
        ServerRegistrationHolder holder = new ServerRegistrationHolder(FrameworkUtil.getBundle(getClass())
                .getBundleContext().registerService(CommandHandler.class, failing, properties));
        try (holder) {
            OpenSsh ssh = server.openSsh();
            OpenSsh.User alice = ssh.signedUp("alice");
            Path log = server.dataDir().resolve("logs/gallerist.log");
            Await.until(Duration.ofSeconds(10), "the command registered", () -> {
                try {
                    return ssh.shell(alice.ssh() + " help").stdout().contains("explode");
                } catch (Exception e) {
                    return false;
                }
            });
            Processes.Result result = ssh.shell(alice.ssh() + " explode");

            assertEquals(1, result.exitCode(), result.toString());
            assertFalse(result.stderr().contains("hunter2"), result.stderr());
            assertFalse(result.stderr().contains("IllegalStateException"), result.stderr());
            JsonObject error = JsonParser.parseString(result.stderr().strip()).getAsJsonObject();
            assertEquals("internal", error.get("error").getAsString());
            assertEquals("internal error", error.get("message").getAsString());
            String ref = error.get("ref").getAsString();
            assertTrue(ref.matches("[0-9a-f]{1,10}"), ref);
            Await.until(Duration.ofSeconds(10), "the detail in the log under the reference",
                    () -> read(log).contains("Internal error ref " + ref + ": command \"explode\"")
                            && read(log).contains(SECRET));
            assertEquals(0, ssh.shell(alice.ssh() + " whoami").exitCode(), "the session's server goes on");
        }
    }

    private record ServerRegistrationHolder(ServiceRegistration<CommandHandler> registration)
            implements AutoCloseable {
        @Override
        public void close() {
            registration.unregister();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
