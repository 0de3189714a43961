package org.gallerist.core.internal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.gallerist.spi.storage.DataFolder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The data folder the launcher (or a test) configures; without it no server component runs. A missing folder is
 * created 0700 (the launcher checks an existing one's permissions before it configures this).
 */
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
    public DataFolderComponent(Config config) throws IOException {
        this.path = Path.of(config.dataDir()).toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(path, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(path);
            }
        }
    }

    @Override
    public Path path() {
        return path;
    }
}
