package org.gallerist.core.internal;

import java.nio.file.Path;

import org.gallerist.spi.storage.DataFolder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The data folder the launcher (or a test) configures; without it no server component runs. */
@Component(configurationPid = DataFolder.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DataFolderComponent.Config.class)
public class DataFolderComponent implements DataFolder {

    @ObjectClassDefinition(id = DataFolder.PID, name = "Gallerist data folder",
            description = "Where the server keeps its database, image files, host key, plugins and logs")
    public @interface Config {
        @AttributeDefinition(description = "Absolute path of the data folder")
        String dataDir();
    }

    private final Path path;

    @Activate
    public DataFolderComponent(Config config) {
        this.path = Path.of(config.dataDir()).toAbsolutePath().normalize();
    }

    @Override
    public Path path() {
        return path;
    }
}
