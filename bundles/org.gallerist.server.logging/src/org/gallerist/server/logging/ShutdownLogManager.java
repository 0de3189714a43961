package org.gallerist.server.logging;

import java.util.logging.LogManager;

/**
 * The server's java.util.logging manager: it ignores the reset that JUL's own shutdown hook makes, which would close
 * every handler (console and {@code DATA/logs/gallerist.log}) while the server's shutdown hook is still stopping the
 * OSGi framework, so that the lines the components log as they stop were lost. The JVM runs shutdown hooks in no
 * particular order; the server's hook resets logging itself once the framework has stopped. (Tomcat's
 * ClassLoaderLogManager does the same for the same reason.)
 * <p>
 * The JVM loads it from its class path, before any bundle, so it is not used as a bundle: the {@code gallerist-server}
 * script puts this jar beside the Equinox launcher on {@code -cp} and names the class in
 * {@code -Djava.util.logging.manager}. Any other reset, e.g. by {@code LogManager.readConfiguration()}, is JUL's.
 */
public class ShutdownLogManager extends LogManager {

    private static final String JUL_SHUTDOWN_HOOK = LogManager.class.getName() + "$Cleaner";

    @Override
    public void reset() {
        if (JUL_SHUTDOWN_HOOK.equals(Thread.currentThread().getClass().getName())) {
            return; // the server resets once its framework has stopped; until then its components still log
        }
        super.reset();
    }
}
