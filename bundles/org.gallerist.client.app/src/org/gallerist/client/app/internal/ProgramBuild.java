package org.gallerist.client.app.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.gallerist.api.BuildFacts;
import org.osgi.framework.Bundle;

/** The build facts of the bundle that is the program: its version, qualifier and the commit file the build put in. */
final class ProgramBuild {

    private ProgramBuild() {
    }

    static BuildFacts of(Bundle program) {
        String commit = null;
        URL entry = program.getEntry(BuildFacts.COMMIT_ENTRY);
        if (entry != null) {
            try (InputStream in = entry.openStream()) {
                commit = new String(in.readNBytes(200), StandardCharsets.UTF_8);
            } catch (IOException unreadable) {
                commit = null;
            }
        }
        return BuildFacts.of(program.getVersion().toString(), commit);
    }
}
