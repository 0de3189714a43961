package org.gallerist.commands.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.User;
import org.gallerist.spi.command.CommandHandler;
import org.gallerist.spi.command.CommandOutput;
import org.gallerist.spi.command.CommandRequest;
import org.gallerist.spi.command.ProtocolCommandHandler;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.ImageService;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Page;
import org.gallerist.api.image.Visibility;
import org.gallerist.api.similarity.SimilarImage;
import org.gallerist.api.similarity.SimilarityService;
import org.gallerist.protocol.Replies;
import org.gallerist.protocol.command.WireCommand;
import org.gallerist.protocol.command.Images;
import org.gallerist.rules.ImageRules;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code images add|import|list|show|get|similar|update|delete}: the image repository over exec. */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + "=images")
public class ImagesCommand extends ProtocolCommandHandler {

    private final ImageService images;
    private final SimilarityService similarity;

    @Activate
    public ImagesCommand(@Reference ImageService images, @Reference SimilarityService similarity) {
        super(Images.class);
        this.images = images;
        this.similarity = similarity;
    }

    @Override
    protected void execute(WireCommand parsed, CommandRequest request) throws Exception {
        User caller = request.caller();
        CommandOutput output = request.output();
        switch (parsed) {
        case Images.Add add -> output.emit(images.upload(caller, newImage(add.name(), add), request.input()));
        case Images.Import tar -> new TarImport(images, caller, newImage("import", tar)).run(request.input(), output);
        case Images.List list -> list(caller, list, output);
        case Images.Show show -> output.emit(images.details(caller, Ids.check(show.id())));
        case Images.Get get -> get(caller, get, output.binary());
        case Images.Similar similar -> similar(caller, similar, request.input(), output);
        case Images.Update update -> output.emit(images.update(caller, Ids.check(update.id()), changes(update)));
        case Images.Delete delete -> delete(caller, delete.ids(), output);
        default -> throw new IllegalStateException("images: no handler for a parsed sub-command");
        }
    }

    /** Checks the shared settings before reading any input, so that a typo fails fast and stores nothing. */
    private static NewImage newImage(String name, Images.Described described) {
        Visibility visibility = described.visibility();
        return new NewImage(name, ImageRules.description(described.description()), ImageRules.tags(described.tags()),
                ImageRules.price(described.price()), ImageRules.quantity(described.quantity()),
                visibility == null ? Visibility.PUBLIC : visibility);
    }

    private void list(User caller, Images.List list, CommandOutput output) throws Exception {
        if (list.limit() != null) {
            ImageRules.limit(list.limit());
        }
        Page<Image> page = images.list(caller, list.query());
        for (Image image : page.items()) {
            output.emit(image);
        }
        if (page.next() != null) {
            output.emit(new Replies.NextPage(page.next()));
        }
    }

    /** By example: the image on stdin, or one already stored ({@code --to ID}), which is then left out. */
    private void similar(User caller, Images.Similar similar, InputStream input, CommandOutput output)
            throws Exception {
        int limit = similar.limit() == null ? SimilarityService.DEFAULT_LIMIT : similar.limit();
        if (limit < 1 || limit > SimilarityService.MAX_LIMIT) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "The limit must be a whole number from 1 to "
                    + SimilarityService.MAX_LIMIT + ", not " + limit + ".");
        }
        List<SimilarImage> hits = similar.to() != null
                ? similarity.similarTo(caller, Ids.check(similar.to()), limit, similar.tags())
                : similarity.similar(caller, input, limit, similar.tags());
        for (SimilarImage hit : hits) {
            output.emit(hit);
        }
    }

    private void get(User caller, Images.Get get, OutputStream out) throws Exception {
        try (InputStream content = images.content(caller, Ids.check(get.id()), get.size())) {
            content.transferTo(out);
        }
        out.flush();
    }

    private static ImageChanges changes(Images.Update update) {
        return new ImageChanges(update.name(), update.description(), update.tags(),
                update.price() == null ? null : ImageRules.price(update.price()),
                update.quantity() == null ? null : ImageRules.quantity(update.quantity()), update.visibility());
    }

    /** One result line per id; a failing id never stops the others, and the exit status says if any failed. */
    private void delete(User caller, List<String> ids, CommandOutput output) throws Exception {
        int failed = 0;
        ErrorCode firstFailure = null;
        for (String word : ids) {
            Replies.DeleteOutcome outcome;
            try {
                long id = Ids.parse(word);
                images.delete(caller, id);
                outcome = Replies.DeleteOutcome.deleted(id);
            } catch (GalleristException e) {
                failed++;
                firstFailure = firstFailure == null ? e.code() : firstFailure;
                outcome = Replies.DeleteOutcome.failed(Ids.tryParse(word), e.code(), e.getMessage());
            }
            output.emit(outcome);
        }
        if (failed > 0) {
            throw new GalleristException(firstFailure,
                    failed + " of " + ids.size() + " images could not be deleted; see the result lines.");
        }
    }
}
