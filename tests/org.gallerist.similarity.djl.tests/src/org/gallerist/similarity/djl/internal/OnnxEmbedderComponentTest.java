package org.gallerist.similarity.djl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.gallerist.spi.similarity.Embedder;
import org.gallerist.tests.harness.SharedModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/** The component as the server runs it: configured through Config Admin, activated by SCR. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class OnnxEmbedderComponentTest {

    private static final String ONNX_EMBEDDERS = "(&(objectClass=" + Embedder.class.getName()
            + ")(gallerist.embedder.id=onnx:*))";

    private final BundleContext context = FrameworkUtil.getBundle(OnnxEmbedderComponentTest.class).getBundleContext();
    private final Logger componentLog = Logger.getLogger(OnnxEmbedderComponent.class.getName());
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @AfterEach
    void removeConfiguration() throws Exception {
        componentLog.removeHandler(capture);
        // Back to the defaults by an update, not a deletion: SCR can take a configuration deleted and made again at
        // once for an update of the deleted one and miss it (the component runs with or without one).
        configuration().update(new Hashtable<>());
        awaitNoOnnxEmbedder();
    }

    @Test
    void aConfiguredModelBecomesTheEmbedderRankedAboveTheDescriptor() throws Exception {
        Path model = SharedModel.model();
        configure(model.toString());
        ServiceTracker<Embedder, Embedder> tracker = new ServiceTracker<>(context,
                context.createFilter(ONNX_EMBEDDERS), null);
        tracker.open();
        try {
            Embedder embedder = tracker.waitForService(TimeUnit.SECONDS.toMillis(60));
            assertNotNull(embedder, "the model's embedder is registered");
            ServiceReference<Embedder> reference = tracker.getServiceReference();
            assertEquals(OnnxEmbedderComponent.SERVICE_RANKING, reference.getProperty(Constants.SERVICE_RANKING));
            assertTrue(embedder.id().startsWith("onnx:squeezenet1.1-embed-fp32@"), embedder.id());
            assertEquals(512, embedder.dimension());
        } finally {
            tracker.close();
        }
    }

    @Test
    void aBrokenModelIsOneErrorLineAndNoEmbedder() throws Exception {
        Path broken = Files.createTempFile("broken", ".onnx");
        componentLog.addHandler(capture);
        try {
            Files.write(broken, new byte[] { 8, 1, 18, 0, 0x7f, 0x7f });
            configure(broken.toString());
            long deadline = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(60);
            while (logged.stream().noneMatch(r -> r.getLevel() == Level.SEVERE)) {
                assertTrue(System.currentTimeMillis() < deadline, "an error is logged");
                Thread.sleep(50);
            }
            LogRecord error = logged.stream().filter(r -> r.getLevel() == Level.SEVERE).findFirst().orElseThrow();
            System.out.println("Logged: " + error.getMessage());
            assertTrue(error.getMessage().contains(broken.toString()), error.getMessage());
            assertTrue(error.getMessage().contains("built-in descriptor"), error.getMessage());
            assertNull(error.getThrown(), "no stack trace on the console");
            assertEquals(1, logged.stream().filter(r -> r.getLevel() == Level.SEVERE).count());
            assertNull(context.getServiceReferences(Embedder.class, "(gallerist.embedder.id=onnx:*)").stream()
                    .findAny().orElse(null), "no embedder from a broken model");
        } finally {
            Files.deleteIfExists(broken);
        }
    }

    private void configure(String modelFile) throws Exception {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("modelFile", modelFile);
        configuration().update(properties);
    }

    private Configuration configuration() throws Exception {
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> admin = new ServiceTracker<>(context,
                ConfigurationAdmin.class, null);
        admin.open();
        try {
            ConfigurationAdmin service = admin.waitForService(TimeUnit.SECONDS.toMillis(30));
            assertNotNull(service, "Config Admin runs");
            return service.getConfiguration(OnnxEmbedderConfig.PID, "?");
        } finally {
            admin.close();
        }
    }

    private void awaitNoOnnxEmbedder() throws Exception {
        long deadline = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(30);
        while (!context.getServiceReferences(Embedder.class, "(gallerist.embedder.id=onnx:*)").isEmpty()) {
            assertTrue(System.currentTimeMillis() < deadline, "the embedder goes with its configuration");
            Thread.sleep(50);
        }
    }
}
