package org.gallerist.client.core.cart;

import java.nio.file.Path;
import java.util.Objects;

import org.gallerist.api.client.ServerAddress;
import org.gallerist.client.core.ClientHome;

/** Whose cart it is: one user on one server. Each owner's cart has its own file. */
public record CartOwner(ServerAddress server, String user) {
    public CartOwner {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(user, "user");
    }

    /** {@code <client home>/carts/alice@host_2222.properties}, with anything unusual in a file name replaced. */
    public Path file(ClientHome home) {
        String name = safe(user) + "@" + safe(server.host()) + "_" + server.port() + ".properties";
        return home.folder().resolve("carts").resolve(name);
    }

    private static String safe(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
