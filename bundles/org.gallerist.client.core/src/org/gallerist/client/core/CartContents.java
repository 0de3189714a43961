package org.gallerist.client.core;

/**
 * What the cart holds, for areas outside the cart that must warn before they delete an image in it. The cart puts
 * its implementation into the application's context under this type.
 */
public interface CartContents {

    /** How many of the image the cart holds; 0 when none. */
    int quantity(long imageId);

    default boolean contains(long imageId) {
        return quantity(imageId) > 0;
    }
}
