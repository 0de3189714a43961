package org.gallerist.imaging.internal.metadata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The Dublin Core words in an XMP packet: {@code dc:title}, {@code dc:description} (language alternatives, the
 * {@code x-default} one first) and {@code dc:subject} (a bag of keywords). Parsed here rather than by TwelveMonkeys'
 * XMPReader because a packet is an uploader's text: this parser refuses any DOCTYPE (no entities, no external
 * anything), and reads the alternatives the way editors write them.
 */
final class XmpFields {

    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final String XML = "http://www.w3.org/XML/1998/namespace";
    /** A packet is a few KB; larger ones carry history and thumbnails we do not read. */
    static final int MAX_PACKET = 1 << 20;

    record Fields(String title, String description, List<String> subject) {
        static final Fields NONE = new Fields(null, null, List.of());
    }

    private XmpFields() {
    }

    static Fields read(byte[] packet) {
        if (packet == null || packet.length == 0 || packet.length > MAX_PACKET) {
            return Fields.NONE;
        }
        try {
            Document document = parser().parse(new ByteArrayInputStream(packet));
            return new Fields(alternative(document, "title"), alternative(document, "description"),
                    bag(document, "subject"));
        } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
            return Fields.NONE;
        }
    }

    private static DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder;
    }

    /** An {@code rdf:Alt}'s {@code x-default} item, else its first; or a plain text value. */
    private static String alternative(Document document, String name) {
        Element property = first(document, name);
        if (property == null) {
            return null;
        }
        List<Element> items = items(property);
        if (items.isEmpty()) {
            return text(property);
        }
        for (Element item : items) {
            if ("x-default".equalsIgnoreCase(item.getAttributeNS(XML, "lang"))) {
                return text(item);
            }
        }
        return text(items.get(0));
    }

    private static List<String> bag(Document document, String name) {
        Element property = first(document, name);
        if (property == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Element item : items(property)) {
            String value = text(item);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private static Element first(Document document, String name) {
        NodeList found = document.getElementsByTagNameNS(DC, name);
        return found.getLength() == 0 ? null : (Element) found.item(0);
    }

    private static List<Element> items(Element property) {
        List<Element> items = new ArrayList<>();
        NodeList list = property.getElementsByTagNameNS(RDF, "li");
        for (int i = 0; i < list.getLength(); i++) {
            items.add((Element) list.item(i));
        }
        return items;
    }

    private static String text(Node node) {
        String text = node.getTextContent();
        return text == null || text.isBlank() ? null : text.strip();
    }
}
