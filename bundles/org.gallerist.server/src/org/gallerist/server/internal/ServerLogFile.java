package org.gallerist.server.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.LoggerFactory;

/**
 * {@code <data>/logs/gallerist.log}: everything logged in the server (our bundles, Mina SSHD, DJL — all through
 * SLF4J into java.util.logging) also goes to a file rotated at {@value #LIMIT_BYTES} bytes, {@value #FILES} files
 * kept. A component of the server configuration, so the file follows the data folder wherever that configuration
 * comes from (the application or the tests' harness). The application also opens it before it creates the
 * configuration, so that the other components' start-up lines are in it too; both share one handler.
 */
@Component(service = ServerLogFile.class, configurationPid = ServerApplication.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
public class ServerLogFile {

    static final String FOLDER = "logs";
    static final String FILE_NAME = "gallerist.log";
    static final long LIMIT_BYTES = 10L * 1024 * 1024;
    static final int FILES = 5;

    /** Open files by data folder, with how many holders each has. */
    private static final Map<Path, Shared> OPEN = new HashMap<>();

    private final Lease lease;

    @Activate
    public ServerLogFile(Map<String, Object> properties) throws IOException {
        Object dataDir = properties.get("dataDir");
        if (dataDir == null || dataDir.toString().isBlank()) {
            LoggerFactory.getLogger(ServerLogFile.class).warn("No data folder configured: logging to the console only");
            lease = null;
        } else {
            lease = open(Path.of(dataDir.toString()));
        }
    }

    @Deactivate
    void deactivate() {
        if (lease != null) {
            lease.close();
        }
    }

    /** Starts logging to {@code <dataDir>/logs/gallerist.log} unless that already happens; close to let go. */
    static Lease open(Path dataDir) throws IOException {
        Path file = dataDir.toAbsolutePath().normalize().resolve(FOLDER).resolve(FILE_NAME);
        synchronized (OPEN) {
            Shared shared = OPEN.get(file);
            if (shared == null) {
                shared = new Shared(new RotatingLogFile(file, LIMIT_BYTES, FILES));
                Logger.getLogger("").addHandler(shared.handler);
                OPEN.put(file, shared);
            }
            shared.holders++;
            return new Lease(file);
        }
    }

    private static final class Shared {
        final RotatingLogFile handler;
        int holders;

        Shared(RotatingLogFile handler) {
            this.handler = handler;
        }
    }

    /** One holder of an open log file; the last one to close it closes the file. */
    static final class Lease implements AutoCloseable {
        private final Path file;
        private boolean closed;

        private Lease(Path file) {
            this.file = file;
        }

        Path file() {
            return file;
        }

        @Override
        public void close() {
            synchronized (OPEN) {
                if (closed) {
                    return;
                }
                closed = true;
                Shared shared = OPEN.get(file);
                if (shared != null && --shared.holders == 0) {
                    OPEN.remove(file);
                    Logger.getLogger("").removeHandler(shared.handler);
                    shared.handler.close();
                }
            }
        }
    }
}
