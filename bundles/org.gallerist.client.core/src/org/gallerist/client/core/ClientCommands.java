package org.gallerist.client.core;

/**
 * Ids of the application model's commands that one area of the client uses to reach another (the gallery asks the
 * cart to add an image, a drop on the gallery asks the upload wizard to open), so neither needs the other's classes.
 */
public final class ClientCommands {
    /** Adds one image to the cart; parameter {@link #IMAGE_ID}. */
    public static final String ADD_TO_CART = "org.gallerist.client.command.addToCart";
    /** Shows images like a stored one in the Search part; parameter {@link #IMAGE_ID}. */
    public static final String FIND_SIMILAR = "org.gallerist.client.command.findSimilar";
    /** Opens the upload wizard; optional parameter {@link #FILES}. */
    public static final String UPLOAD = "org.gallerist.client.command.upload";

    /** An image id in decimal. */
    public static final String IMAGE_ID = "org.gallerist.client.commandparameter.imageId";
    /** Absolute file paths joined with {@link java.io.File#pathSeparator}. */
    public static final String FILES = "org.gallerist.client.commandparameter.files";

    private ClientCommands() {
    }
}
