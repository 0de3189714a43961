package org.gallerist.client.core.browse;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.gallerist.api.image.Image;
import org.gallerist.client.core.tags.TagFilter;

/**
 * What the browsing parts share in one window: the tag filter (Tags writes, Gallery reads), the image shown in
 * Details, requests to find images like one, and news that images changed. Listeners run on the caller's thread;
 * the parts call it from the UI thread.
 */
public final class BrowseState {
    private final TagFilter tagFilter = new TagFilter();
    private final List<Consumer<Image>> detailsListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Long>> similarListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<Long>>> changeListeners = new CopyOnWriteArrayList<>();
    private Image shown;

    public TagFilter tagFilter() {
        return tagFilter;
    }

    /** Shows the image in Details (selecting it in a grid does this too). */
    public void show(Image image) {
        shown = image;
        detailsListeners.forEach(listener -> listener.accept(image));
    }

    public Optional<Image> shown() {
        return Optional.ofNullable(shown);
    }

    /** Asks the Search part to find images like this stored one. */
    public void findSimilar(long imageId) {
        similarListeners.forEach(listener -> listener.accept(imageId));
    }

    /** Images were added, changed, deleted or bought; the ids concerned, or empty when unknown. */
    public void imagesChanged(List<Long> ids) {
        List<Long> copy = List.copyOf(ids);
        changeListeners.forEach(listener -> listener.accept(copy));
    }

    public Runnable onShow(Consumer<Image> listener) {
        return add(detailsListeners, listener);
    }

    public Runnable onFindSimilar(Consumer<Long> listener) {
        return add(similarListeners, listener);
    }

    public Runnable onImagesChanged(Consumer<List<Long>> listener) {
        return add(changeListeners, listener);
    }

    private static <T> Runnable add(List<T> listeners, T listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
