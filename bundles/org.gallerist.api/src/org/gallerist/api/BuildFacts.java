package org.gallerist.api;

import java.util.Objects;

/**
 * Which build of a Gallerist program runs: its version, the build id (the bundle qualifier, a timestamp) and the
 * commit it was built from, as {@code --version} and Help › About tell them.
 */
public record BuildFacts(String version, String build, String commit) {
    public static final String UNKNOWN = "unknown";

    public BuildFacts {
        Objects.requireNonNull(version, "version");
        build = build == null || build.isBlank() ? UNKNOWN : build.strip();
        commit = commit == null || commit.isBlank() ? UNKNOWN : commit.strip();
    }

    /** Where each bundle carries the commit it was built from (one line; absent in a build outside git). */
    public static final String COMMIT_ENTRY = "META-INF/gallerist-commit.txt";

    /**
     * @param bundleVersion an OSGi version such as {@code 0.1.0.202612071233}, whose qualifier is the build id
     * @param commit        the content of {@link #COMMIT_ENTRY}, or null
     */
    public static BuildFacts of(String bundleVersion, String commit) {
        String[] parts = bundleVersion.split("\\.", 4);
        String version = parts.length >= 3 ? parts[0] + "." + parts[1] + "." + parts[2] : bundleVersion;
        return new BuildFacts(version, parts.length == 4 ? parts[3] : null, commit);
    }

    /** The lines of {@code --version}: the program and version, the build, and the Java runtime it runs on. */
    public String versionText(String program) {
        return program + " " + version + "\nbuild " + build + ", commit " + commit + "\nJava "
                + System.getProperty("java.runtime.version", System.getProperty("java.version")) + " ("
                + System.getProperty("java.vendor", "unknown vendor") + "), " + System.getProperty("java.home") + "\n";
    }
}
