package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every package a bundle exports carries a version, and its package-info says the same with {@code @Version}, so
 * plugin authors can import ranges and a change of a package is seen where its code is.
 */
class PackageVersionsTest {

    private static final Pattern ENTRY = Pattern.compile("([\\w.]+)((?:;[^,\"]*(?:\"[^\"]*\")?)*)");
    private static final Pattern VERSION = Pattern.compile("(?<![-\\w])version=\"([^\"]+)\"");
    private static final Pattern ANNOTATION = Pattern.compile("@Version\\(\"([^\"]+)\"\\)");

    @Test
    void everyExportedPackageIsVersionedInItsManifestAndItsPackageInfo() throws IOException {
        Path bundles = Path.of(System.getProperty("gallerist.docs", "docs")).getParent().resolve("bundles");
        List<String> checked = new ArrayList<>();
        try (Stream<Path> folders = Files.list(bundles)) {
            for (Path bundle : folders.filter(folder -> Files.isRegularFile(folder.resolve("META-INF/MANIFEST.MF")))
                    .sorted().toList()) {
                Manifest manifest;
                try (var in = Files.newInputStream(bundle.resolve("META-INF/MANIFEST.MF"))) {
                    manifest = new Manifest(in);
                }
                String exports = manifest.getMainAttributes().getValue("Export-Package");
                if (exports == null) {
                    continue;
                }
                Matcher entry = ENTRY.matcher(exports);
                while (entry.find()) {
                    String pkg = entry.group(1);
                    Matcher version = VERSION.matcher(entry.group(2));
                    assertTrue(version.find(), bundle.getFileName() + " exports " + pkg + " without a version");
                    Path info = bundle.resolve("src").resolve(pkg.replace('.', '/')).resolve("package-info.java");
                    assertTrue(Files.isRegularFile(info), pkg + " has no package-info.java");
                    Matcher annotation = ANNOTATION.matcher(Files.readString(info));
                    assertTrue(annotation.find(), pkg + "'s package-info has no @Version");
                    assertEquals(version.group(1), annotation.group(1), pkg + ": manifest and @Version differ");
                    checked.add(pkg);
                }
            }
        }
        assertTrue(checked.contains("org.gallerist.spi.similarity") && checked.contains("org.gallerist.api.client")
                && checked.contains("org.gallerist.protocol.command"), checked.toString());
        assertFalse(checked.contains("org.gallerist.api.spi"), "the SPI has a bundle of its own");
    }
}
