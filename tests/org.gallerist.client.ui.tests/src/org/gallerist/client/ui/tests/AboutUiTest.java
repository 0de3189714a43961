package org.gallerist.client.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        List<LibraryLicences.Library> libraries = LibraryLicences.of(facts, Map.of("org.eclipse.", "EPL-2.0"));
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
            UiTestSupport.screenshot(shell, "about");
        } finally {
            dialog.close();
        }
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
