package org.gallerist.tests.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Says which Gallerist components did not activate and why, so a failed start does not fail silently, and whether
 * a stop has gone through all of them.
 */
final class ComponentDiagnostics {

    private ComponentDiagnostics() {
    }

    static String problems(BundleContext context) {
        ServiceReference<ServiceComponentRuntime> reference = context.getServiceReference(ServiceComponentRuntime.class);
        if (reference == null) {
            return "No Declarative Services runtime is running.";
        }
        ServiceComponentRuntime runtime = context.getService(reference);
        try {
            List<String> problems = new ArrayList<>();
            for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs()) {
                if (!description.name.startsWith("org.gallerist.")) {
                    continue;
                }
                for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                    if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        problems.add(description.name + " failed to activate: " + configuration.failure);
                    } else if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                        problems.add(description.name + " lacks " + Arrays.stream(configuration.unsatisfiedReferences)
                                .map(r -> r.name).toList());
                    }
                }
            }
            return problems.isEmpty() ? "All Gallerist components are satisfied." : String.join("; ", problems);
        } finally {
            context.ungetService(reference);
        }
    }

    /** True when no component that requires the configuration {@code pid} is still configured by it. */
    static boolean released(BundleContext context, String pid) {
        ServiceReference<ServiceComponentRuntime> reference =
                context.getServiceReference(ServiceComponentRuntime.class);
        if (reference == null) {
            return true;
        }
        ServiceComponentRuntime runtime = context.getService(reference);
        try {
            for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs()) {
                if (!"require".equals(description.configurationPolicy)
                        || !Arrays.asList(description.configurationPid).contains(pid)) {
                    continue;
                }
                for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                    if (configuration.state != ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION) {
                        return false;
                    }
                }
            }
            return true;
        } finally {
            context.ungetService(reference);
        }
    }
}
