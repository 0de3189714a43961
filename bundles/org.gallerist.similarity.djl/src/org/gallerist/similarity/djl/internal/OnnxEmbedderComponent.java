package org.gallerist.similarity.djl.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.gallerist.spi.similarity.Embedder;
import org.gallerist.spi.similarity.EmbeddingModel;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an image model and offers it as the {@link Embedder}, ranked above the built-in descriptor: the configured
 * model file if there is one, else the highest-ranked {@link EmbeddingModel} a model bundle offers. The model loads on
 * a thread of its own, so the server is ready before it is, and the service is registered by hand once the model
 * runs: a missing or broken model is one error line in the log and no service, and the descriptor goes on serving.
 */
@Component(configurationPid = OnnxEmbedderConfig.PID)
@Designate(ocd = OnnxEmbedderConfig.class)
public class OnnxEmbedderComponent {

    static final int SERVICE_RANKING = 100;
    private static final Logger LOG = LoggerFactory.getLogger(OnnxEmbedderComponent.class);

    private final ExecutorService loader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gallerist-model-loader");
        thread.setDaemon(true);
        return thread;
    });
    private volatile OnnxEmbedder embedder;
    private volatile ServiceRegistration<Embedder> registration;

    /**
     * @param builtIn null when no model bundle is installed (greedy: a better one arriving later re-activates this)
     */
    @Activate
    public OnnxEmbedderComponent(BundleContext context, OnnxEmbedderConfig config,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) EmbeddingModel builtIn) {
        if (context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).getState() == Bundle.STOPPING) {
            return; // re-activated because the model bundle stopped first: nothing to load or to tell
        }
        if (!config.modelEnabled()) {
            LOG.info("The image model is switched off; similarity search uses the built-in descriptor.");
        } else if (!OnnxSettings.namesAFile(config) && builtIn == null) {
            LOG.info("No image model is installed; similarity search uses the built-in descriptor.");
        } else if (!OnnxSettings.namesAFile(config) && !"onnx".equals(builtIn.format())) {
            LOG.warn("The installed image model {} is in format '{}', not onnx; similarity search uses the built-in"
                    + " descriptor.", builtIn.name(), builtIn.format());
        } else {
            loader.execute(() -> load(context, config, OnnxSettings.namesAFile(config) ? null : builtIn));
        }
    }

    private void load(BundleContext context, OnnxEmbedderConfig config, EmbeddingModel builtIn) {
        try {
            long start = System.nanoTime();
            OnnxSettings settings = builtIn == null ? OnnxSettings.of(config) : OnnxSettings.of(builtIn, config);
            OnnxEmbedder loaded = OnnxEmbedderLoader.load(settings);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (Thread.currentThread().isInterrupted()) {
                loaded.close(); // deactivated while loading
                return;
            }
            embedder = loaded;
            registration = context.registerService(Embedder.class, loaded, properties(loaded));
            LOG.info("Image model {} ready: {} (dimension {}, loaded in {} ms)", loaded.id(), loaded.description(),
                    loaded.dimension(), millis);
        } catch (ModelLoadException | IOException | IllegalArgumentException e) {
            LOG.error("Image model not loaded, similarity search keeps the built-in descriptor. {}", e.getMessage());
        } catch (IllegalStateException bundleStopping) {
            // the context became invalid while the model loaded; nothing is registered
        }
    }

    private static Dictionary<String, Object> properties(Embedder embedder) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, SERVICE_RANKING);
        properties.put("gallerist.embedder.id", embedder.id());
        return properties;
    }

    @Deactivate
    void stop() throws InterruptedException {
        loader.shutdownNow();
        if (!loader.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("The image model was still loading when the server stopped.");
        }
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
