package org.gallerist.similarity.djl.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;

import org.gallerist.spi.similarity.Embedder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the configured ONNX model and offers it as the {@link Embedder}, ranked above the built-in descriptor. The
 * service is registered by hand, only once the model runs: a missing or broken model is one error line in the log
 * and no service, so the server goes on with the descriptor instead of failing the component with a stack trace.
 */
@Component(configurationPid = OnnxEmbedderConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = OnnxEmbedderConfig.class)
public class OnnxEmbedderComponent {

    static final int SERVICE_RANKING = 100;
    private static final Logger LOG = LoggerFactory.getLogger(OnnxEmbedderComponent.class);

    private final OnnxEmbedder embedder;
    private final ServiceRegistration<Embedder> registration;

    @Activate
    public OnnxEmbedderComponent(BundleContext context, OnnxEmbedderConfig config) {
        OnnxEmbedder loaded = null;
        ServiceRegistration<Embedder> registered = null;
        try {
            Optional<OnnxSettings> settings = OnnxSettings.of(config);
            if (settings.isPresent()) {
                long start = System.nanoTime();
                loaded = OnnxEmbedderLoader.load(settings.get());
                long millis = (System.nanoTime() - start) / 1_000_000;
                registered = context.registerService(Embedder.class, loaded, properties(loaded));
                LOG.info("Image model {} ready (dimension {}, loaded in {} ms)", loaded.id(), loaded.dimension(),
                        millis);
            }
        } catch (ModelLoadException | IllegalArgumentException e) {
            LOG.error("Image model not loaded, similarity search keeps the built-in descriptor. {}", e.getMessage());
        }
        this.embedder = loaded;
        this.registration = registered;
    }

    private static Dictionary<String, Object> properties(Embedder embedder) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, SERVICE_RANKING);
        properties.put("gallerist.embedder.id", embedder.id());
        return properties;
    }

    @Deactivate
    void stop() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework unregistered it first
            }
        }
        if (embedder != null) {
            embedder.close();
        }
    }
}
