package org.gallerist.commands.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.User;
import org.gallerist.spi.command.CommandHandler;
import org.gallerist.spi.command.CommandRequest;
import org.gallerist.spi.command.ProtocolCommandHandler;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.ImageService;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Page;
import org.gallerist.api.image.Visibility;
import org.gallerist.api.similarity.SimilarityService;
import org.gallerist.protocol.Replies;
import org.gallerist.protocol.command.Images;
import org.gallerist.rules.ImageRules;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** {@code images add|import|list|show|get|similar|update|delete}: the image repository over exec. */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + "=images",
        configurationPid = ImportLimits.PID)
@Designate(ocd = ImportLimits.class)
public class ImagesCommand extends ProtocolCommandHandler {

    private final ImageService images;
    private final SimilarityService similarity;
    private final ImportWorkers importWorkers;

    @Activate
    public ImagesCommand(@Reference ImageService images, @Reference SimilarityService similarity,
            ImportLimits importLimits) {
        super(Images.class);
        this.images = images;
        this.similarity = similarity;
        this.importWorkers = new ImportWorkers(importLimits.importWorkers());
        on(Images.Add.class, (add, request) -> request.output().emit(images.upload(request.caller(),
                newImage(add.name(), add, add.untitledName()), request.input())));
        on(Images.Import.class, (tar, request) -> new TarImport(images, request.caller(),
                newImage("import", tar, null), importLimits, importWorkers).run(request.input(), request.output()));
        on(Images.List.class, this::list);
        on(Images.Show.class, (show, request) -> request.output().emit(images.details(request.caller(),
                Ids.check(show.id()))));
        on(Images.Get.class, this::get);
        on(Images.Similar.class, this::similar);
        on(Images.Update.class, (update, request) -> request.output().emitAll(images.update(request.caller(),
                update.ids().stream().map(Ids::parse).toList(), changes(update))));
        on(Images.Delete.class, this::delete);
    }

    @Deactivate
    void deactivate() {
        importWorkers.close();
    }

    /** Checks the shared settings before reading any input, so that a typo fails fast and stores nothing. */
    private static NewImage newImage(String name, Images.Described described, String untitledName) {
        Visibility visibility = described.visibility();
        return new NewImage(name, ImageRules.description(described.description()), ImageRules.tags(described.tags()),
                ImageRules.price(described.price()), ImageRules.quantity(described.quantity()),
                visibility == null ? Visibility.PUBLIC : visibility, described.shareCamera(),
                untitledName == null ? null : ImageRules.name(untitledName), described.freeDownload());
    }

    private void list(Images.List list, CommandRequest request) throws Exception {
        if (list.limit() != null) {
            ImageRules.limit(list.limit());
        }
        Page<Image> page = images.list(request.caller(), list.query());
        request.output().emitAll(page.items());
        if (page.next() != null) {
            request.output().emit(new Replies.NextPage(page.next()));
        }
    }

    /** By example: the image on stdin, or one already stored ({@code --to ID}), which is then left out. */
    private void similar(Images.Similar similar, CommandRequest request) throws Exception {
        int limit = similar.limit() == null ? SimilarityService.DEFAULT_LIMIT : similar.limit();
        if (limit < 1 || limit > SimilarityService.MAX_LIMIT) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "The limit must be a whole number from 1 to "
                    + SimilarityService.MAX_LIMIT + ", not " + limit + ".");
        }
        User caller = request.caller();
        request.output().emitAll(similar.to() != null
                ? similarity.similarTo(caller, Ids.check(similar.to()), limit, similar.tags())
                : similarity.similar(caller, request.input(), limit, similar.tags()));
    }

    private void get(Images.Get get, CommandRequest request) throws Exception {
        OutputStream out = request.output().binary();
        try (InputStream content = images.content(request.caller(), Ids.check(get.id()), get.size())) {
            content.transferTo(out);
        }
        out.flush();
    }

    private static ImageChanges changes(Images.Update update) {
        return new ImageChanges(update.name(), update.description(), update.tags(),
                update.price() == null ? null : ImageRules.price(update.price()),
                update.quantity() == null ? null : ImageRules.quantity(update.quantity()), update.visibility(),
                update.shareCamera(), update.freeDownload(), update.addTags(), update.removeTags());
    }

    /**
     * All or none: one result line per id deleted; if any id is refused (not a number, not found, not the caller's),
     * nothing is deleted, a line names each refused id and why, and the exit status says so.
     */
    private void delete(Images.Delete delete, CommandRequest request) throws Exception {
        List<Long> ids = new ArrayList<>();
        List<Replies.DeleteOutcome> refused = new ArrayList<>();
        for (String word : delete.ids()) {
            try {
                ids.add(Ids.parse(word));
            } catch (GalleristException e) {
                refused.add(Replies.DeleteOutcome.failed(Ids.tryParse(word), e.code(), e.getMessage()));
            }
        }
        GalleristException failure = null;
        if (refused.isEmpty()) {
            try {
                images.delete(request.caller(), ids);
            } catch (GalleristException e) {
                failure = e;
                refused.addAll(outcomes(e, ids));
            }
        }
        if (refused.isEmpty()) {
            for (long id : ids) {
                request.output().emit(Replies.DeleteOutcome.deleted(id));
            }
            return;
        }
        request.output().emitAll(refused);
        throw new GalleristException(failure != null ? failure.code() : refused.get(0).error(), refused.size()
                + " of " + delete.ids().size() + " images were refused; nothing was deleted. See the result lines.");
    }

    /** The refused ids of a bulk refusal ({@code errors} in its details), or the one id of a single request. */
    private static List<Replies.DeleteOutcome> outcomes(GalleristException refusal, List<Long> ids) {
        if (!(refusal.details().get("errors") instanceof List<?> errors)) {
            return List.of(Replies.DeleteOutcome.failed(ids.size() == 1 ? ids.get(0) : null, refusal.code(),
                    refusal.getMessage()));
        }
        List<Replies.DeleteOutcome> outcomes = new ArrayList<>();
        for (Object error : errors) {
            Map<?, ?> entry = (Map<?, ?>) error;
            ErrorCode code = ErrorCode.fromWireName(String.valueOf(entry.get("error")));
            outcomes.add(Replies.DeleteOutcome.failed(entry.get("id"), code, String.valueOf(entry.get("message"))));
        }
        return outcomes;
    }

}
