package org.gallerist.server.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Logger;

import org.gallerist.spi.storage.DataFolder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code <data>/logs/gallerist.log}: everything logged in the server (our bundles, Mina SSHD, DJL — all through
 * SLF4J into java.util.logging) also goes to a file rotated at {@value #LIMIT_BYTES} bytes, {@value #FILES} files
 * kept. It follows the {@link DataFolder}, so the file is there wherever the data folder is configured from. The
 * application attaches the same file before it configures anything, so that the components' start-up lines are in
 * it; this component then finds it attached to the root logger and leaves it to the application.
 */
@Component(service = ServerLogFile.class, immediate = true)
public class ServerLogFile {

    static final String FOLDER = "logs";
    static final String FILE_NAME = "gallerist.log";
    static final long LIMIT_BYTES = 10L * 1024 * 1024;
    static final int FILES = 5;

    /** The handler this component attached, or null when the application had attached the file already. */
    private final RotatingLogFile owned;

    @Activate
    public ServerLogFile(@Reference DataFolder data) throws IOException {
        owned = attach(data.path());
    }

    @Deactivate
    void deactivate() {
        detach(owned);
    }

    /** Attaches {@code <dataDir>/logs/gallerist.log} to the root logger; null if it is attached already. */
    static RotatingLogFile attach(Path dataDir) throws IOException {
        Path file = dataDir.toAbsolutePath().normalize().resolve(FOLDER).resolve(FILE_NAME);
        Logger root = Logger.getLogger("");
        synchronized (root) {
            for (Handler handler : root.getHandlers()) {
                if (handler instanceof RotatingLogFile attached && attached.file().equals(file)) {
                    return null;
                }
            }
            RotatingLogFile handler = new RotatingLogFile(file, LIMIT_BYTES, FILES);
            root.addHandler(handler);
            return handler;
        }
    }

    static void detach(RotatingLogFile handler) {
        if (handler != null) {
            Logger.getLogger("").removeHandler(handler);
            handler.close();
        }
    }
}
