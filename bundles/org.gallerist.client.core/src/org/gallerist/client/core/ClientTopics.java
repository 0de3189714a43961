package org.gallerist.client.core;

/** Event-broker topics the client's areas post and subscribe to. */
public final class ClientTopics {
    /**
     * Images were added, changed, deleted or bought (stock changed): views of images and tags reload. The data is
     * the ids concerned as a {@code List<Long>}, empty when unknown.
     */
    public static final String IMAGES_CHANGED = "org/gallerist/client/images/changed";

    private ClientTopics() {
    }
}
