package org.gallerist.client.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gallerist.api.similarity.SimilarityService;

/** What Help › About says: the client's version, and what the connected server searches with and whose work it is. */
public final class AboutText {

    private AboutText() {
    }

    /**
     * @param server the server's similarity status, empty when not connected or the server did not answer
     */
    public static String of(String clientVersion, Optional<SimilarityService.Status> server) {
        return "Gallerist desktop client " + clientVersion + "\nA self-hosted image repository and shop.\n\n"
                + server(server);
    }

    /** Only what {@link #of} says of the server. */
    public static String server(Optional<SimilarityService.Status> server) {
        List<String> lines = new ArrayList<>();
        if (server.isEmpty()) {
            lines.add("Not connected: the server's image model is shown once you are logged in.");
            return String.join("\n", lines);
        }
        SimilarityService.Status status = server.get();
        if ("none".equals(status.embedder())) {
            lines.add("The server runs no image search right now.");
        } else {
            lines.add("Image model of the server: " + status.model() + " (" + status.embedder() + ", "
                    + status.dimension() + " dimensions)");
            lines.add("Indexed: " + status.indexed() + " of " + status.images() + " images"
                    + (status.reindexing() ? ", re-indexing in the background" : ""));
            if (!status.credits().isBlank()) {
                lines.add("");
                lines.add(status.credits() + ".");
            }
        }
        return String.join("\n", lines);
    }
}
