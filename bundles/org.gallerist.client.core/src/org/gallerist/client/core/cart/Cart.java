package org.gallerist.client.core.cart;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gallerist.api.image.Image;
import org.gallerist.api.order.OrderRequest;
import org.gallerist.client.core.CartContents;
import org.gallerist.client.core.internal.ChangeListeners;

/**
 * The shopping cart of whoever is logged in: lines in the order they were added, checked against the stock the
 * server last reported. While bound to a {@link CartStore} every change is saved at once; unbound (nobody logged
 * in) it is empty and keeps nothing. Thread-safe; listeners run on the thread that made the change.
 */
public final class Cart implements CartContents {
    private final Map<Long, CartLine> lines = new LinkedHashMap<>();
    private final ChangeListeners listeners = new ChangeListeners();
    private CartStore store;
    private Instant pendingCheckout;
    private String saveProblem;

    /** Shows the cart saved in {@code newStore} (for the user now logged in) and saves there from now on. */
    public void bind(CartStore newStore) {
        synchronized (this) {
            store = newStore;
            CartStore.Saved saved = newStore.load();
            lines.clear();
            saved.lines().forEach(line -> lines.put(line.imageId(), line));
            pendingCheckout = saved.pendingCheckout();
        }
        listeners.fire();
    }

    /** Forgets the cart on screen (the saved file stays for that user's next login). */
    public void unbind() {
        synchronized (this) {
            store = null;
            lines.clear();
            pendingCheckout = null;
        }
        listeners.fire();
    }

    public synchronized List<CartLine> lines() {
        return List.copyOf(lines.values());
    }

    public synchronized Optional<CartLine> line(long imageId) {
        return Optional.ofNullable(lines.get(imageId));
    }

    @Override
    public synchronized int quantity(long imageId) {
        CartLine line = lines.get(imageId);
        return line == null ? 0 : line.quantity();
    }

    public synchronized boolean isEmpty() {
        return lines.isEmpty();
    }

    /** The sum of the line totals, to 2 places. */
    public synchronized BigDecimal total() {
        return lines.values().stream().map(CartLine::total).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** How many items in all. */
    public synchronized int itemCount() {
        return lines.values().stream().mapToInt(CartLine::quantity).sum();
    }

    /** One more of the image, as the server just showed it, unless that would be more than its stock. */
    public AddOutcome add(Image image) {
        CartLine line;
        synchronized (this) {
            CartLine existing = lines.get(image.id());
            int wanted = existing == null ? 1 : existing.quantity() + 1;
            if (wanted > image.quantity()) {
                return new AddOutcome.OutOfStock(image.quantity() == 0
                        ? "'" + image.name() + "' is sold out."
                        : "The cart already holds all " + image.quantity() + " of '" + image.name() + "' in stock.");
            }
            line = existing == null ? CartLine.of(image, 1) : existing.refreshedFrom(image).withQuantity(wanted);
            lines.put(image.id(), line);
            save();
        }
        listeners.fire();
        return new AddOutcome.Added(line);
    }

    /** Parses what the user typed into the quantity cell, then as {@link #changeQuantity(long, long)}. */
    public QuantityEdit changeQuantity(long imageId, String text) {
        String digits = text == null ? "" : text.strip();
        if (!digits.matches("-?\\d{1,9}")) {
            return new QuantityEdit.Refused("Enter a whole number, 0 or more.");
        }
        return changeQuantity(imageId, Long.parseLong(digits));
    }

    /** Sets a line's quantity if the known stock allows it; 0 only asks for confirmation (see {@link #remove}). */
    public QuantityEdit changeQuantity(long imageId, long quantity) {
        CartLine changed;
        synchronized (this) {
            CartLine line = lines.get(imageId);
            if (line == null) {
                return new QuantityEdit.Refused("That image is no longer in the cart.");
            }
            if (quantity < 0) {
                return new QuantityEdit.Refused("The quantity must be 0 or more.");
            }
            if (quantity == 0) {
                return new QuantityEdit.ConfirmRemoval(line);
            }
            if (quantity > line.stock()) {
                return new QuantityEdit.Refused(line.stock() == 0 ? "'" + line.name() + "' is sold out."
                        : "Only " + line.stock() + " of '" + line.name() + "' in stock.");
            }
            if (quantity == line.quantity()) {
                return new QuantityEdit.Changed(line);
            }
            changed = line.withQuantity((int) quantity);
            lines.put(imageId, changed);
            save();
        }
        listeners.fire();
        return new QuantityEdit.Changed(changed);
    }

    public void remove(long imageId) {
        synchronized (this) {
            if (lines.remove(imageId) == null) {
                return;
            }
            save();
        }
        listeners.fire();
    }

    public void clear() {
        synchronized (this) {
            lines.clear();
            save();
        }
        listeners.fire();
    }

    /** Takes what an order bought out of the cart; lines added or raised meanwhile keep the rest. */
    public void removeBought(List<OrderRequest> bought) {
        synchronized (this) {
            for (OrderRequest request : bought) {
                CartLine line = lines.get(request.image());
                if (line == null) {
                    continue;
                }
                int left = line.quantity() - request.quantity();
                if (left > 0) {
                    lines.put(request.image(), line.withQuantity(left));
                } else {
                    lines.remove(request.image());
                }
            }
            save();
        }
        listeners.fire();
    }

    /** Takes name, price and stock from the server's answers; lines whose image is gone get stock 0. */
    public void refresh(Map<Long, Image> current, Set<Long> gone) {
        synchronized (this) {
            lines.replaceAll((id, line) -> current.containsKey(id) ? line.refreshedFrom(current.get(id))
                    : gone.contains(id) ? line.withStock(0) : line);
            save();
        }
        listeners.fire();
    }

    /** What to send to the server to buy everything in the cart. */
    public synchronized List<OrderRequest> orderRequests() {
        List<OrderRequest> requests = new ArrayList<>();
        lines.values().forEach(line -> requests.add(new OrderRequest(line.imageId(), line.quantity())));
        return requests;
    }

    /** When a checkout was sent whose answer never came (so it may have been placed); null if none. */
    public synchronized Instant pendingCheckout() {
        return pendingCheckout;
    }

    synchronized void setPendingCheckout(Instant sent) {
        pendingCheckout = sent;
        save();
    }

    /** @return a handle that removes the listener again */
    public Runnable addListener(Runnable listener) {
        return listeners.add(listener);
    }

    private void save() {
        if (store == null) {
            return;
        }
        try {
            store.save(new CartStore.Saved(List.copyOf(lines.values()), pendingCheckout));
            saveProblem = null;
        } catch (UncheckedIOException e) {
            // The cart on screen stays right; only surviving a restart is at risk, which the user is told.
            saveProblem = "The cart could not be saved (" + store.file() + "), so it may be lost on restart.";
        }
    }

    /** Why the last change could not be saved, if it could not. */
    public synchronized Optional<String> saveProblem() {
        return Optional.ofNullable(saveProblem);
    }
}
