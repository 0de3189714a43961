package org.gallerist.server.internal;

/** The part of the server configuration (PID {@code org.gallerist.server}) the plugin folder reads. */
public @interface PluginFolderConfig {
    String dataDir();

    /** How often the folder is looked at, in milliseconds. */
    long pluginPollMillis() default 2000;
}
