package org.gallerist.storage.derby.internal;

import java.io.IOException;
import java.sql.SQLException;

import org.gallerist.spi.storage.DataFolder;
import org.gallerist.storage.derby.EmbeddedDerby;
import org.gallerist.storage.jdbc.StorageEngine;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The server's embedded database: Derby in the data folder's {@code db}, the default for one machine. Its
 * configuration (PID {@code org.gallerist.storage.derby}, no settings) exists when the server is not started with
 * {@code --database}, so that exactly one engine runs.
 */
@Component(service = StorageEngine.class, configurationPid = DerbyStorageEngine.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class DerbyStorageEngine implements StorageEngine.Forwarding {

    public static final String PID = "org.gallerist.storage.derby";

    private final EmbeddedDerby derby;

    @Activate
    public DerbyStorageEngine(@Reference DataFolder data) throws IOException, SQLException {
        this.derby = new EmbeddedDerby(data.path());
    }

    @Override
    public StorageEngine delegate() {
        return derby;
    }

    @Deactivate
    void shutdown() {
        derby.close();
    }
}
