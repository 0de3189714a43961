package org.gallerist.client.core.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.gallerist.api.User;
import org.gallerist.api.client.ServerFacts;
import org.gallerist.api.similarity.SimilarityService;

/** The Admin dialog's Server page: what the server reports, as label and value pairs. */
public final class ServerSummary {
    /** One line of the page. */
    public record Fact(String label, String value) {
    }

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private ServerSummary() {
    }

    /** "4 min", "3 h 5 min", "2 days 1 h". */
    static String uptime(Duration up) {
        long minutes = Math.max(0, up.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        if (days > 0) {
            return days + (days == 1 ? " day " : " days ") + hours + " h";
        }
        return hours > 0 ? hours + " h " + minutes % 60 + " min" : minutes + " min";
    }

    public static List<Fact> facts(SimilarityService.Status status, List<User> users, String server,
            ServerFacts about, Instant now) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Server", server));
        facts.add(new Fact("Version", about.version() == null ? "not reported" : about.version()));
        if (about.started() != null) {
            facts.add(new Fact("Running since", STARTED.format(about.started()) + " ("
                    + uptime(Duration.between(about.started(), now)) + ")"));
        }
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
