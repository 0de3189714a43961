package org.gallerist.client.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.gallerist.client.core.AboutText;
import org.gallerist.client.core.LibraryLicences;
import org.gallerist.client.ui.AboutDialog;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;

/** Help › About in a real window: version and build, the Java runtime, and the licences of the running bundles. */
class AboutUiTest {

    @Test
    void showsVersionBuildAndTheLicencesOfTheRunningBundles() throws Exception {
        UiTestSupport.requireDisplay();
        Display display = Display.getDefault();
        List<LibraryLicences.BundleFacts> facts = new ArrayList<>();
        for (Bundle bundle : FrameworkUtil.getBundle(AboutUiTest.class).getBundleContext().getBundles()) {
            facts.add(new LibraryLicences.BundleFacts(bundle.getSymbolicName(), bundle.getVersion().toString(),
                    bundle.getHeaders("").get(Constants.BUNDLE_LICENSE)));
        }
        List<LibraryLicences.Library> libraries = LibraryLicences.of(facts, productsKnownLicences());
        AboutDialog dialog = new AboutDialog(null, "0.1.0", "202612070800",
                AboutText.server(Optional.empty()), libraries);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            Shell shell = dialog.getShell();
            String version = UiTestSupport.widget(shell, Label.class, AboutDialog.WidgetName.VERSION).getText();
            assertTrue(version.startsWith("Version 0.1.0, build 202612070800\nJava "), version);
            Table table = UiTestSupport.widget(shell, Table.class, AboutDialog.WidgetName.LIBRARIES);
            assertEquals(libraries.size(), table.getItemCount());
            assertTrue(table.getItemCount() > 20, "every running bundle: " + table.getItemCount());
            assertEquals("EPL-2.0", row(table, "org.eclipse.swt").getText(2));
            assertEquals("Apache-2.0", row(table, "com.google.gson").getText(2), "from its Bundle-License header");
            assertEquals("LGPL-2.1-or-later", row(table, "wrapped.org.jfree.jfreechart").getText(2),
                    "from the product's licences.properties");
            assertEquals("MIT (Bouncy Castle Licence)", row(table, "bcprov").getText(2));
            UiTestSupport.screenshot(shell, "about");
        } finally {
            dialog.close();
        }
    }

    /** The list the product's About handler falls back to, read from where the product ships it. */
    private static Map<String, String> productsKnownLicences() throws IOException {
        Bundle app = Arrays.stream(FrameworkUtil.getBundle(AboutUiTest.class).getBundleContext().getBundles())
                .filter(bundle -> bundle.getSymbolicName().equals("org.gallerist.client.app")).findFirst()
                .orElseThrow(() -> new AssertionError("org.gallerist.client.app is not running"));
        URL entry = app.getEntry("licences.properties");
        assertNotNull(entry, "licences.properties in the client's app bundle");
        Properties properties = new Properties();
        try (InputStream in = entry.openStream()) {
            properties.load(in);
        }
        Map<String, String> known = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> known.put(name, properties.getProperty(name)));
        return known;
    }

    private static TableItem row(Table table, String name) {
        for (TableItem item : table.getItems()) {
            if (item.getText(0).equals(name)) {
                return item;
            }
        }
        throw new AssertionError("no row for " + name);
    }
}
