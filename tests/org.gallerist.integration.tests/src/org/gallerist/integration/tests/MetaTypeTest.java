package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Every PID in docs/architecture.md's configuration table is described by the MetaType service of the running server,
 * with the attributes and defaults its {@code @ObjectClassDefinition} declares: the build generates
 * {@code OSGI-INF/metatype/*.xml} from the annotations, and this fails if it stops doing so.
 */
class MetaTypeTest {

    /** PID → the bundle whose component designates it and the annotation that describes it. */
    private static final Map<String, String[]> DESCRIBED_BY = Map.ofEntries(
            Map.entry("org.gallerist.data", new String[] { "org.gallerist.core",
                    "org.gallerist.core.internal.DataFolderComponent$Config" }),
            Map.entry("org.gallerist.ssh", new String[] { "org.gallerist.transport.ssh.server",
                    "org.gallerist.transport.ssh.server.internal.ServerConfig" }),
            Map.entry("org.gallerist.blobs.file", new String[] { "org.gallerist.blobs.file",
                    "org.gallerist.blobs.file.internal.BlobStoreConfig" }),
            Map.entry("org.gallerist.storage.postgres", new String[] { "org.gallerist.storage.postgres",
                    "org.gallerist.storage.postgres.internal.PostgresConfig" }),
            Map.entry("org.gallerist.images", new String[] { "org.gallerist.core",
                    "org.gallerist.core.internal.ImageLimits$Config" }),
            Map.entry("org.gallerist.similarity", new String[] { "org.gallerist.core",
                    "org.gallerist.core.internal.SimilarityConfig" }),
            Map.entry("org.gallerist.quotas", new String[] { "org.gallerist.core",
                    "org.gallerist.core.internal.UploadQuotas$Config" }),
            Map.entry("org.gallerist.import", new String[] { "org.gallerist.commands",
                    "org.gallerist.commands.internal.ImportLimits" }),
            Map.entry("org.gallerist.plugins", new String[] { "org.gallerist.server",
                    "org.gallerist.server.internal.PluginFolderConfig" }),
            Map.entry("org.gallerist.similarity.onnx", new String[] { "org.gallerist.similarity.djl",
                    "org.gallerist.similarity.djl.internal.OnnxEmbedderConfig" }),
            Map.entry("org.gallerist.blobs.s3", new String[] { "org.gallerist.blobs.s3",
                    "org.gallerist.blobs.s3.internal.S3Config" }));
    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\| `(org\\.gallerist[\\w.]*)` \\|");

    @RegisterExtension
    final GalleristServerExtension server = GalleristServerExtension.fresh();

    @Test
    void theMetaTypeServiceDescribesEveryDocumentedPidWithItsAnnotationsDefaults() throws Exception {
        assertEquals(new TreeSet<>(documentedPids()), new TreeSet<>(DESCRIBED_BY.keySet()),
                "the PIDs of docs/architecture.md's configuration table");
        server.start();
        BundleContext context = FrameworkUtil.getBundle(MetaTypeTest.class).getBundleContext();
        ServiceTracker<MetaTypeService, MetaTypeService> tracker = new ServiceTracker<>(context, MetaTypeService.class, null);
        tracker.open();
        try {
            MetaTypeService metaType = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
            assertNotNull(metaType, "no MetaType service (org.apache.felix.metatype) is running");
            for (Map.Entry<String, String[]> entry : DESCRIBED_BY.entrySet()) {
                String pid = entry.getKey();
                Bundle bundle = bundle(context, entry.getValue()[0]);
                MetaTypeInformation info = metaType.getMetaTypeInformation(bundle);
                assertTrue(info != null && Arrays.asList(info.getPids()).contains(pid),
                        bundle.getSymbolicName() + " has no metatype for " + pid + " (OSGI-INF/metatype missing?)");
                ObjectClassDefinition ocd = info.getObjectClassDefinition(pid, null);
                assertEquals(declaredDefaults(bundle.loadClass(entry.getValue()[1])), describedDefaults(ocd),
                        pid + ": attribute ids and defaults");
            }
        } finally {
            tracker.close();
        }
    }

    private static List<String> documentedPids() throws IOException {
        Path docs = Path.of(System.getProperty("gallerist.docs", "docs"));
        String architecture = Files.readString(docs.resolve("architecture.md"));
        int configuration = architecture.indexOf("## Configuration");
        assertTrue(configuration >= 0, "docs/architecture.md has a Configuration section");
        String section = architecture.substring(configuration, architecture.indexOf("\n## ", configuration + 1));
        List<String> pids = new ArrayList<>();
        Matcher row = TABLE_ROW.matcher(section);
        while (row.find()) {
            pids.add(row.group(1));
        }
        return pids;
    }

    private static Bundle bundle(BundleContext context, String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("bundle " + symbolicName + " is not installed"));
    }

    /** Attribute id → default, from the annotation's elements (null where an element has no default). */
    private static Map<String, String> declaredDefaults(Class<?> annotation) {
        Map<String, String> defaults = new TreeMap<>();
        for (Method element : annotation.getDeclaredMethods()) {
            Object value = element.getDefaultValue();
            defaults.put(element.getName(), value == null ? null : String.valueOf(value));
        }
        assertTrue(!defaults.isEmpty(), annotation + " has elements");
        return defaults;
    }

    /** Attribute id → default, as the MetaType service describes them. */
    private static Map<String, String> describedDefaults(ObjectClassDefinition ocd) {
        Map<String, String> defaults = new TreeMap<>();
        for (AttributeDefinition attribute : ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            String[] value = attribute.getDefaultValue();
            defaults.put(attribute.getID(), value == null ? null : String.join(",", value));
        }
        return defaults;
    }
}
