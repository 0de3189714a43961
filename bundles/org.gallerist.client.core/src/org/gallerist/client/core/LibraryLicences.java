package org.gallerist.client.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The libraries the client runs, with their licences, as Help › About lists them: from each bundle's
 * {@code Bundle-License} header, else from what the product knows of bundles that carry none (the Eclipse platform's
 * licence is in each bundle's about.html; wrapped Maven jars have no header at all).
 */
public final class LibraryLicences {

    /** One installed bundle as About shows it. */
    public record Library(String name, String version, String licence) {
    }

    /** What a bundle says of itself: its symbolic name, version, and the raw {@code Bundle-License} (or null). */
    public record BundleFacts(String symbolicName, String version, String licenceHeader) {
    }

    private static final String NOT_DECLARED = "not declared";

    private LibraryLicences() {
    }

    /**
     * @param known licences by symbolic name or name prefix ending in '.', for bundles that declare none
     * @return one row per bundle, by name, the framework itself left out
     */
    public static List<Library> of(List<BundleFacts> bundles, Map<String, String> known) {
        List<Library> libraries = new ArrayList<>();
        for (BundleFacts bundle : bundles) {
            if (bundle.symbolicName() == null || bundle.symbolicName().equals("system.bundle")) {
                continue;
            }
            String licence = bundle.licenceHeader() == null || bundle.licenceHeader().isBlank()
                    ? knownLicence(bundle.symbolicName(), known) : spdx(bundle.licenceHeader());
            libraries.add(new Library(bundle.symbolicName(), bundle.version(), licence));
        }
        libraries.sort(Comparator.comparing(Library::name));
        return libraries;
    }

    /** The first licence a header names, as an SPDX id where the header gives a well-known URL instead. */
    static String spdx(String header) {
        String first = header.split("[;,]", 2)[0].strip().replace("\"", "");
        String lower = first.toLowerCase(Locale.ROOT);
        if (lower.contains("apache.org/licenses/license-2.0")) {
            return "Apache-2.0";
        }
        if (lower.contains("epl-2.0") || lower.contains("epl-v20")) {
            return "EPL-2.0";
        }
        if (lower.contains("opensource.org/licenses/mit")) {
            return "MIT";
        }
        return first;
    }

    private static String knownLicence(String symbolicName, Map<String, String> known) {
        String exact = known.get(symbolicName);
        if (exact != null) {
            return exact;
        }
        return known.entrySet().stream().filter(entry -> entry.getKey().endsWith(".")
                && symbolicName.startsWith(entry.getKey())).max(Comparator.comparingInt(entry -> entry.getKey()
                        .length())).map(Map.Entry::getValue).orElse(NOT_DECLARED);
    }

    /** The rows as plain text, one library per line, for copying out of the About dialog. */
    public static String text(List<Library> libraries) {
        StringBuilder text = new StringBuilder();
        for (Library library : libraries) {
            text.append(library.name()).append(' ').append(library.version()).append(" \u2014 ")
                    .append(library.licence()).append('\n');
        }
        return text.toString();
    }
}
