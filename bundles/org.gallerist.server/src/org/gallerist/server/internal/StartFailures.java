package org.gallerist.server.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Why the server cannot start, as soon as it is known: a storage component (the database engine, the blob store)
 * that failed to activate, say because the database is down or refuses the login, will not become ready by waiting,
 * so the launcher says so in one line instead of waiting for its start-up time-out. Other components may fail
 * without stopping the start (the image model, whose place the descriptor takes).
 */
public final class StartFailures {

    /** The components without which no server starts. */
    private static final Pattern BLOCKING = Pattern.compile("org\\.gallerist\\.(storage|blobs)\\..*");
    /** The exception's class name at the head of a line of DS's failure text ("java.sql.SQLException: ..."). */
    private static final Pattern EXCEPTION_CLASS =
            Pattern.compile("^(?:Caused by: )?(?:[\\w$]+\\.)+[\\w$]*(?:Exception|Error)(?:: |$)");
    /** How SCR words the failure of a component whose reference's service failed to activate itself. */
    private static final String FOLLOWED = "Unable to get service for reference";
    /** What DS wraps a constructor's own exception in; its message says nothing. */
    private static final List<String> WRAPPERS = List.of("java.lang.reflect.InvocationTargetException",
            "org.osgi.service.component.ComponentException");

    private StartFailures() {
    }

    /**
     * The first line of a storage component's activation failure, without the exception's class name: the cause
     * (the engine that could not open its database) rather than what failed because of it (the stores that then
     * could not get the engine, whose failure says only that).
     */
    public static Optional<String> first(BundleContext context) {
        ServiceReference<ServiceComponentRuntime> reference =
                context.getServiceReference(ServiceComponentRuntime.class);
        if (reference == null) {
            return Optional.empty();
        }
        ServiceComponentRuntime runtime = context.getService(reference);
        try {
            List<String> reasons = new ArrayList<>();
            for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs()) {
                if (!BLOCKING.matcher(description.name).matches()) {
                    continue;
                }
                for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                    if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION
                            && configuration.failure != null) {
                        String reason = firstLine(configuration.failure);
                        reasons.add(reason.isEmpty() ? description.name + " failed to start; see the log" : reason);
                    }
                }
            }
            return cause(reasons);
        } finally {
            context.ungetService(reference);
        }
    }

    /**
     * Whether every storage component that activates at start (the S3 blob store, which checks its bucket then) has
     * done so or failed: until then the server is not ready, even if its SSH endpoint is up.
     */
    public static boolean settled(BundleContext context) {
        ServiceReference<ServiceComponentRuntime> reference =
                context.getServiceReference(ServiceComponentRuntime.class);
        if (reference == null) {
            return true;
        }
        ServiceComponentRuntime runtime = context.getService(reference);
        try {
            for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs()) {
                if (!description.immediate || !BLOCKING.matcher(description.name).matches()) {
                    continue;
                }
                for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                    if (configuration.state == ComponentConfigurationDTO.SATISFIED) {
                        return false; // about to be activated
                    }
                }
            }
            return true;
        } finally {
            context.ungetService(reference);
        }
    }

    /** Of the components' reasons, the first that is not another's failure passed on; else the first. */
    static Optional<String> cause(List<String> reasons) {
        return reasons.stream().filter(reason -> !reason.startsWith(FOLLOWED)).findFirst()
                .or(() -> reasons.stream().findFirst());
    }

    /**
     * The message of the first exception of the failure's stack trace (its head line and its "Caused by" lines) that
     * is not a wrapper, without its class name.
     */
    static String firstLine(String failure) {
        List<String> heads = new ArrayList<>();
        for (String line : failure.strip().split("\n")) {
            if (heads.isEmpty() || line.strip().startsWith("Caused by: ")) {
                heads.add(line.strip());
            }
        }
        for (String head : heads) {
            String exception = head.replaceFirst("^Caused by: ", "").replaceFirst(":.*", "");
            if (!WRAPPERS.contains(exception)) {
                return EXCEPTION_CLASS.matcher(head).replaceFirst("");
            }
        }
        return heads.isEmpty() ? "" : EXCEPTION_CLASS.matcher(heads.get(heads.size() - 1)).replaceFirst("");
    }
}
