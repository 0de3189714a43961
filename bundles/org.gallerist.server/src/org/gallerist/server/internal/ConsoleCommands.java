package org.gallerist.server.internal;

import java.time.Instant;
import java.util.List;

import org.gallerist.api.GalleristException;
import org.gallerist.api.Role;
import org.gallerist.api.User;
import org.gallerist.api.account.AccountService;
import org.gallerist.api.account.PasswordReset;
import org.gallerist.api.image.ImageService;
import org.gallerist.api.similarity.SimilarityService;
import org.gallerist.spi.storage.ImageStore;
import org.gallerist.spi.storage.OrderStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The operator's commands in the server console ({@code gallerist-server -console}), as Gogo functions:
 * {@code users}, {@code disable NAME}, {@code enable NAME}, {@code promote NAME}, {@code demote NAME},
 * {@code resetpassword NAME}, {@code renametag OLD NEW}, {@code stats}. The console is the machine's own terminal, so
 * it acts as an admin: it is where a shop's first admin can be made ({@code promote}) without the one-time token, and
 * where an admin who forgot their password gets a reset token when no other admin can give one.
 */
@Component(service = ConsoleCommands.class, property = { "osgi.command.scope=gallerist",
        "osgi.command.function=users", "osgi.command.function=disable", "osgi.command.function=enable",
        "osgi.command.function=promote", "osgi.command.function=demote", "osgi.command.function=resetpassword",
        "osgi.command.function=renametag",
        "osgi.command.function=stats" })
public class ConsoleCommands {

    private static final User OPERATOR = new User("console", Role.ADMIN, false, Instant.EPOCH);

    private final AccountService accounts;
    private final ImageService images;
    private final ImageStore imageStore;
    private final OrderStore orderStore;
    private final SimilarityService similarityService;

    @Activate
    public ConsoleCommands(@Reference AccountService accounts, @Reference ImageService images,
            @Reference ImageStore imageStore, @Reference OrderStore orderStore,
            @Reference SimilarityService similarityService) {
        this.similarityService = similarityService;
        this.accounts = accounts;
        this.images = images;
        this.imageStore = imageStore;
        this.orderStore = orderStore;
    }

    public String users() {
        List<User> users = accounts.list();
        StringBuilder table = new StringBuilder(String.format("%-32s %-6s %-8s %s%n", "USER", "ROLE", "STATE", "CREATED"));
        for (User user : users) {
            table.append(String.format("%-32s %-6s %-8s %s%n", user.name(), user.role().wireName(),
                    user.disabled() ? "disabled" : "active", user.created()));
        }
        return table.append(users.size()).append(users.size() == 1 ? " user" : " users").toString();
    }

    public String disable(String username) {
        return guarded(() -> "Disabled " + accounts.setDisabled(username, true).name()
                + "; they can no longer log in.");
    }

    public String enable(String username) {
        return guarded(() -> "Enabled " + accounts.setDisabled(username, false).name() + ".");
    }

    public String promote(String username) {
        return guarded(() -> "Promoted " + accounts.promote(OPERATOR, username).name() + " to admin.");
    }

    public String demote(String username) {
        return guarded(() -> "Demoted " + accounts.demote(OPERATOR, username).name() + " to user.");
    }

    public String resetpassword(String username) {
        return guarded(() -> {
            PasswordReset reset = accounts.resetPassword(OPERATOR, username);
            return "Reset the password of " + reset.user() + ". Their one-time token, valid until " + reset.expires()
                    + ":\n  " + reset.token() + "\nThey log in with it as the password and set a new one (the client"
                    + " asks; over ssh: password set).";
        });
    }

    public String renametag(String from, String to) {
        return guarded(() -> {
            images.renameTag(OPERATOR, from, to);
            return "Renamed tag '" + from + "' to '" + to + "'.";
        });
    }

    public String stats() {
        ImageStore.Counts counts = imageStore.counts();
        return "users: " + accounts.list().size() + System.lineSeparator() + "images: " + counts.images()
                + System.lineSeparator() + "tags: " + counts.tags() + System.lineSeparator() + "orders: "
                + orderStore.count() + System.lineSeparator() + "similarity: " + similarity();
    }

    private String similarity() {
        SimilarityService.Status status = similarityService.status();
        return status.embedder() + ", " + status.indexed() + " of " + status.images() + " images indexed"
                + (status.reindexing() ? ", re-indexing" : "");
    }

    /** The console shows the reason, never a stack trace. */
    private static String guarded(java.util.function.Supplier<String> action) {
        try {
            return action.get();
        } catch (GalleristException e) {
            return "Error (" + e.code().wireName() + "): " + e.getMessage();
        }
    }
}
