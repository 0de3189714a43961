package org.gallerist.storage.postgres.internal;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.gallerist.spi.storage.DataFolder;
import org.gallerist.storage.jdbc.StorageEngine;
import org.gallerist.storage.postgres.PostgresPool;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's database when it is started with {@code --database jdbc:postgresql://...}. The data folder is not
 * read here, but the server is on while its configuration exists: the pool opens and closes with it, as the Derby
 * engine does.
 */
@Component(service = StorageEngine.class, configurationPid = PostgresConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = PostgresConfig.class)
public class PostgresStorageEngine implements StorageEngine.Forwarding {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresStorageEngine.class);

    private final PostgresPool pool;

    @Activate
    public PostgresStorageEngine(PostgresConfig config, @Reference DataFolder runningServer) throws SQLException {
        Map<String, String> environment = new HashMap<>(System.getenv());
        if (!config.password().isEmpty()) {
            environment.putIfAbsent("PGPASSWORD", config.password());
        }
        try {
            this.pool = new PostgresPool(config.database(), environment, config.maxConnections());
        } catch (SQLException | IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
            throw e;
        }
        LOG.info("Storing rows in {}", pool.describe());
    }

    @Override
    public StorageEngine delegate() {
        return pool;
    }

    @Deactivate
    void close() {
        pool.close();
    }
}
