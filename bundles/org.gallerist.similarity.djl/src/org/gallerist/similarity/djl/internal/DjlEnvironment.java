package org.gallerist.similarity.djl.internal;

import java.util.concurrent.Callable;

/** What every call into DJL needs: no network, and a context class loader that sees the embedded engine. */
final class DjlEnvironment {

    private DjlEnvironment() {
    }

    /**
     * DJL reads these when its Engine class initialises (it calls home from there unless opted out), so they are set
     * before the first DJL call; the product must make no network call whatever the user's environment says.
     */
    static void forbidNetwork() {
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.offline", "true");
    }

    /**
     * DJL finds engines with ServiceLoader on the thread's context class loader, which in OSGi is not the bundle's
     * (the engine's service file is inside this bundle's embedded jars).
     */
    static <T> T call(Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DjlEnvironment.class.getClassLoader());
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
