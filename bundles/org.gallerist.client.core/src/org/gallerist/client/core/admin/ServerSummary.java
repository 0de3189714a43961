package org.gallerist.client.core.admin;

import java.util.ArrayList;
import java.util.List;

import org.gallerist.api.User;
import org.gallerist.api.similarity.SimilarityService;

/** The Admin dialog's Server page: what the server reports, as label and value pairs. */
public final class ServerSummary {
    /** One line of the page. */
    public record Fact(String label, String value) {
    }

    private ServerSummary() {
    }

    public static List<Fact> facts(SimilarityService.Status status, List<User> users, String server) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Server", server));
        long admins = users.stream().filter(User::isAdmin).count();
        long disabled = users.stream().filter(User::disabled).count();
        facts.add(new Fact("Accounts", users.size() + " (" + admins + (admins == 1 ? " admin" : " admins") + ", "
                + disabled + " disabled)"));
        facts.add(new Fact("Images", Long.toString(status.images())));
        facts.add(new Fact("Similarity index", status.indexed() + " of " + status.images() + " images indexed"
                + (status.reindexing() ? ", re-indexing now" : "")));
        facts.add(new Fact("Image model", status.model() + " (" + status.dimension() + "-d, " + status.embedder()
                + ")"));
        return facts;
    }
}
