package org.gallerist.client.core.cart;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.DeleteResult;
import org.gallerist.api.client.ImageRepository;
import org.gallerist.api.client.ImportResult;
import org.gallerist.api.client.Shop;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageDetails;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.ImageQuery;
import org.gallerist.api.image.ImageSize;
import org.gallerist.api.image.ImportDefaults;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Page;
import org.gallerist.api.image.TagCount;
import org.gallerist.api.image.Upload;
import org.gallerist.api.image.Visibility;
import org.gallerist.api.order.Order;
import org.gallerist.api.order.SalesGrouping;
import org.gallerist.api.order.SalesTotal;
import org.gallerist.api.order.OrderLine;
import org.gallerist.api.order.OrderRequest;
import org.gallerist.api.similarity.SimilarImage;
import org.gallerist.api.similarity.SimilarityService;
import org.gallerist.api.order.Shortfall;

/**
 * A shop and image repository in memory with the server's order rule (all lines or none, short lines named as the
 * server names them). {@link #dropNextAnswer} makes the next order land but its answer fail, as after a drop.
 */
public class FakeStore implements ImageRepository, Shop {
    public final Map<Long, Image> images = new LinkedHashMap<>();
    final List<Order> orders = new ArrayList<>();
    int placeCalls;
    boolean dropNextAnswer;
    public GalleristException nextUploadFailure;
    private long nextId = 1;

    public static Image image(long id, String name, String price, int quantity) {
        return new Image(id, name, "", List.of(), new BigDecimal(price), quantity, "seller", Visibility.PUBLIC, 10,
                10, "png", 100, "0".repeat(64), Instant.EPOCH);
    }

    public Image put(String name, String price, int quantity) {
        Image image = image(nextId++, name, price, quantity);
        images.put(image.id(), image);
        return image;
    }

    private Image withQuantity(Image image, int quantity) {
        return new Image(image.id(), image.name(), image.description(), image.tags(), image.price(), quantity,
                image.owner(), image.visibility(), image.width(), image.height(), image.format(), image.bytes(),
                image.sha256(), image.created());
    }

    @Override
    public Order place(List<OrderRequest> lines) {
        placeCalls++;
        List<Shortfall> short_ = new ArrayList<>();
        for (OrderRequest line : lines) {
            Image image = show(line.image());
            if (image.quantity() < line.quantity()) {
                short_.add(new Shortfall(image.id(), image.name(), image.quantity(), line.quantity()));
            }
        }
        if (!short_.isEmpty()) {
            throw Shortfall.error(short_);
        }
        List<OrderLine> bought = new ArrayList<>();
        for (OrderRequest line : lines) {
            Image image = images.get(line.image());
            images.put(image.id(), withQuantity(image, image.quantity() - line.quantity()));
            bought.add(new OrderLine(image.id(), image.name(), image.owner(), line.quantity(), image.price()));
        }
        Order order = new Order(orders.size() + 1, "buyer", Instant.now(), bought);
        orders.add(0, order);
        if (dropNextAnswer) {
            dropNextAnswer = false;
            throw new GalleristException(ErrorCode.CONNECTION_FAILED, "Lost the connection to the server.");
        }
        return order;
    }

    @Override
    public List<Order> orders() {
        return List.copyOf(orders);
    }

    @Override
    public List<Order> sales() {
        return List.of();
    }

    @Override
    public Page<Order> orders(int limit, String after) {
        return new Page<>(List.copyOf(orders).reversed().stream().limit(limit).toList(), null);
    }

    @Override
    public Page<SalesTotal> salesTotals(SalesGrouping grouping, int limit, String after) {
        return new Page<>(List.of(), null);
    }

    @Override
    public Upload upload(NewImage image, byte[] content) {
        if (nextUploadFailure != null) {
            GalleristException failure = nextUploadFailure;
            nextUploadFailure = null;
            throw failure;
        }
        String name = image.name() != null ? image.name() : image.untitledName(); // files here carry no title
        Image stored = new Image(nextId++, name, image.description(), image.tags(), image.price(),
                image.quantity(), "me", image.visibility(), 10, 10, "png", content.length, "0".repeat(64),
                Instant.EPOCH);
        images.put(stored.id(), stored);
        return new Upload(stored, List.of(new Upload.NearDuplicate(99, "Twin", 0.97)), List.of("cat", "animal"));
    }

    @Override
    public ImageDetails details(long id) {
        return new ImageDetails(show(id), List.of());
    }

    @Override
    public Image show(long id) {
        Image image = images.get(id);
        if (image == null) {
            throw new GalleristException(ErrorCode.NOT_FOUND, "No image #" + id + ".");
        }
        return image;
    }

    @Override
    public List<Image> update(List<Long> ids, ImageChanges changes) {
        return ids.stream().map(id -> update(id, changes)).toList();
    }

    @Override
    public Image update(long id, ImageChanges changes) {
        Image image = show(id);
        Image changed = new Image(id, image.name(), image.description(),
                changes.tags() == null ? image.tags() : changes.tags(), image.price(), image.quantity(),
                image.owner(), image.visibility(), image.width(), image.height(), image.format(), image.bytes(),
                image.sha256(), image.created());
        images.put(id, changed);
        return changed;
    }

    @Override
    public List<SimilarImage> similar(byte[] query, int limit, List<String> tags) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<SimilarImage> similarTo(long id, int limit, List<String> tags) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SimilarityService.Status similarityStatus() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ImportResult> importTar(ImportDefaults defaults, java.nio.file.Path tar) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<Image> list(ImageQuery query) {
        return new Page<>(List.copyOf(images.values()), null);
    }

    @Override
    public byte[] content(long id, ImageSize size) {
        return new byte[0];
    }

    @Override
    public List<DeleteResult> delete(List<Long> ids) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<TagCount> tags() {
        return List.of();
    }

    @Override
    public void renameTag(String from, String to) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteTag(String tag) {
        throw new UnsupportedOperationException();
    }
}
