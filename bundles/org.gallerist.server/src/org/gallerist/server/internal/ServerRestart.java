package org.gallerist.server.internal;

/**
 * Registered by the running {@link ServerApplication}: asks it to stop and then start again, so that an installation
 * updated in place runs its new bundles. The launch script starts the server again when it exits with
 * {@code IApplication.EXIT_RESTART} (23).
 */
public interface ServerRestart {

    void restart();
}
