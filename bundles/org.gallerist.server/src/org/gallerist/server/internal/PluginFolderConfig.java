package org.gallerist.server.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The plugin folder's settings (PID {@code org.gallerist.plugins}); the folder is DATA/plugins. */
@ObjectClassDefinition(id = PluginFolderConfig.PID, name = "Gallerist plugin folder",
        description = "Bundle jars in the data folder's plugins subfolder are installed, updated and uninstalled")
public @interface PluginFolderConfig {

    String PID = "org.gallerist.plugins";

    @AttributeDefinition(description = "How often the folder is looked at, in milliseconds", min = "200")
    long pluginPollMillis() default 2000;
}
