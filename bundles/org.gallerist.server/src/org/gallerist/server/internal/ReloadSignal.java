package org.gallerist.server.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGHUP re-reads the settings, as daemons do ({@code systemctl reload}); without a handler the JVM would exit on it.
 * The JDK offers signal handling only through {@code sun.misc.Signal} (module jdk.unsupported), which no OSGi
 * execution environment exports, so it is reached through the platform class loader by reflection, here and nowhere
 * else. A reload that fails leaves the running settings as they were and says why in the log.
 */
final class ReloadSignal {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadSignal.class);

    /** Applies the settings again; throws when they cannot be read or are not valid. */
    @FunctionalInterface
    interface Reload {
        void run() throws Exception;
    }

    private final AtomicReference<Object> previous = new AtomicReference<>();
    private Method handle;
    private Object hup;

    void listen(Reload reload) {
        try {
            ClassLoader platform = ClassLoader.getPlatformClassLoader();
            Class<?> signal = Class.forName("sun.misc.Signal", true, platform);
            Class<?> handler = Class.forName("sun.misc.SignalHandler", true, platform);
            hup = signal.getConstructor(String.class).newInstance("HUP");
            handle = signal.getMethod("handle", signal, handler);
            Object onHup = Proxy.newProxyInstance(platform, new Class<?>[] { handler }, (proxy, method, args) -> {
                switch (method.getName()) {
                case "handle" -> reloadNow(reload);
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "toString" -> {
                    return "gallerist reload on SIGHUP";
                }
                default -> {
                    // no other methods
                }
                }
                return null;
            });
            previous.set(handle.invoke(null, hup, onHup));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e instanceof InvocationTargetException target ? target.getCause() : e;
            LOG.warn("SIGHUP cannot reload the settings here ({}); restart the server to apply new ones",
                    cause.toString());
        }
    }

    private static void reloadNow(Reload reload) {
        LOG.info("SIGHUP: re-reading the settings");
        try {
            reload.run();
            LOG.info("Settings re-read");
        } catch (Exception | LinkageError e) {
            LOG.error("The settings were not re-read, the running ones stay: {}", e.getMessage());
        }
    }

    /** Gives SIGHUP back to whatever handled it before. */
    void stop() {
        Object before = previous.getAndSet(null);
        if (before != null) {
            try {
                handle.invoke(null, hup, before);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.debug("SIGHUP handler not restored: {}", e.toString());
            }
        }
    }
}
