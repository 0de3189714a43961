package org.gallerist.api.order;

/** One line of an order as the buyer asks for it. */
public record OrderRequest(long image, int quantity) {
}
