package org.gallerist.spi.storage;

import java.nio.file.Path;

/**
 * The server's data folder, registered while the configuration {@code org.gallerist.data} exists: every store, the
 * host key and the plugins live below it. Components that keep files reference it, so they start when a data folder
 * is configured and stop when it goes.
 */
public interface DataFolder {

    /** The configuration that names the folder (property {@code dataDir}, an absolute path). */
    String PID = "org.gallerist.data";

    /** Absolute and normalised. */
    Path path();
}
