package org.gallerist.client.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.gallerist.client.core.ClientCommands;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The client's application model as the product ships it: the parts' tests build parts in their own shells, so
 * only this catches a class renamed under a part, handler or add-on, or a menu item pointing at no command.
 */
class ApplicationModelTest {
    private static final String APP_BUNDLE = "org.gallerist.client.app";
    private static final String BUNDLECLASS = "bundleclass://";

    private static List<Element> elements;
    private static Map<String, Element> byXmiId;

    @BeforeAll
    static void readModel() throws Exception {
        URL model = bundle(APP_BUNDLE).getEntry("Application.e4xmi");
        assertNotNull(model, "Application.e4xmi in " + APP_BUNDLE);
        Document document;
        try (InputStream in = model.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            document = factory.newDocumentBuilder().parse(in);
        }
        elements = new ArrayList<>();
        byXmiId = new HashMap<>();
        NodeList all = document.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            elements.add(element);
            String id = element.getAttribute("xmi:id");
            if (!id.isEmpty() && byXmiId.put(id, element) != null) {
                fail("xmi:id " + id + " is used twice");
            }
        }
    }

    @Test
    void everyContributionNamesAClassItsBundleLoads() throws Exception {
        int checked = 0;
        for (Element element : elements) {
            String uri = element.getAttribute("contributionURI");
            if (uri.isEmpty()) {
                continue;
            }
            assertTrue(uri.startsWith(BUNDLECLASS), uri);
            String[] bundleAndClass = uri.substring(BUNDLECLASS.length()).split("/", 2);
            bundle(bundleAndClass[0]).loadClass(bundleAndClass[1]);
            checked++;
        }
        assertTrue(checked >= 10, "parts, handlers and add-ons were found: " + checked);
    }

    @Test
    void everyCommandReferenceLeadsToACommand() {
        int checked = 0;
        for (Element element : elements) {
            for (String attribute : List.of("command", "bindingContext")) {
                String target = element.getAttribute(attribute);
                if (!target.isEmpty()) {
                    assertTrue(byXmiId.containsKey(target), element.getAttribute("elementId") + " refers to missing "
                            + attribute + " " + target);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 10, "menu items, handlers and key bindings were found: " + checked);
    }

    @Test
    void theCommandsTheAreasShareAreDeclaredWithTheirParameters() {
        assertEquals(List.of(ClientCommands.IMAGE_ID), parametersOf(ClientCommands.ADD_TO_CART));
        assertEquals(List.of(ClientCommands.IMAGE_ID), parametersOf(ClientCommands.FIND_SIMILAR));
        assertEquals(List.of(ClientCommands.FILES), parametersOf(ClientCommands.UPLOAD));
        for (String command : List.of(ClientCommands.ADD_TO_CART, ClientCommands.FIND_SIMILAR, ClientCommands.UPLOAD)) {
            String xmiId = command(command).getAttribute("xmi:id");
            assertTrue(elements.stream().anyMatch(element -> element.getLocalName().equals("handlers")
                    && element.getAttribute("command").equals(xmiId)), "a handler for " + command);
        }
    }

    @Test
    void theWindowShowsEveryPartOfTheIssue() {
        List<String> labels = elements.stream()
                .filter(element -> element.getAttribute("xsi:type").equals("basic:Part"))
                .map(element -> element.getAttribute("label"))
                .toList();
        assertTrue(labels.containsAll(Arrays.asList("Gallery", "Tags", "Search", "Cart", "Details", "Orders", "Sales")), labels.toString());
    }

    private static List<String> parametersOf(String commandId) {
        NodeList parameters = command(commandId).getElementsByTagName("parameters");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < parameters.getLength(); i++) {
            ids.add(((Element) parameters.item(i)).getAttribute("elementId"));
        }
        return ids;
    }

    private static Element command(String commandId) {
        return elements.stream()
                .filter(element -> element.getLocalName().equals("commands")
                        && element.getAttribute("elementId").equals(commandId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("command " + commandId + " is not in the model"));
    }

    private static Bundle bundle(String symbolicName) {
        return Arrays.stream(FrameworkUtil.getBundle(ApplicationModelTest.class).getBundleContext().getBundles())
                .filter(bundle -> bundle.getSymbolicName().equals(symbolicName))
                .findFirst()
                .orElseThrow(() -> new AssertionError(symbolicName + " is not installed in the test runtime"));
    }
}
