package org.gallerist.server.internal;

import java.io.IOException;
import java.util.logging.Logger;

import org.gallerist.spi.storage.DataFolder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code <data>/logs/gallerist.log}: everything logged in the server (our bundles, Mina SSHD, DJL — all through
 * SLF4J into java.util.logging) also goes to a file rotated at {@value #LIMIT_BYTES} bytes, {@value #FILES} files
 * kept. It follows the {@link DataFolder}, so the file is there wherever the data folder is configured from (the
 * application or the tests' harness); the lines logged before it activates reach the console only.
 */
@Component(service = ServerLogFile.class, immediate = true)
public class ServerLogFile {

    static final String FOLDER = "logs";
    static final String FILE_NAME = "gallerist.log";
    static final long LIMIT_BYTES = 10L * 1024 * 1024;
    static final int FILES = 5;

    private final RotatingLogFile handler;

    @Activate
    public ServerLogFile(@Reference DataFolder data) throws IOException {
        handler = new RotatingLogFile(data.path().resolve(FOLDER).resolve(FILE_NAME), LIMIT_BYTES, FILES);
        Logger.getLogger("").addHandler(handler);
    }

    @Deactivate
    void deactivate() {
        Logger.getLogger("").removeHandler(handler);
        handler.close();
    }
}
