package org.gallerist.commands.internal;

import org.gallerist.spi.command.CommandHandler;
import org.gallerist.spi.command.ProtocolCommandHandler;
import org.gallerist.api.image.ImageService;
import org.gallerist.protocol.Replies;
import org.gallerist.protocol.command.Tags;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code tags list}, and for admins {@code tags rename OLD NEW} and {@code tags delete NAME}. */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + "=tags")
public class TagsCommand extends ProtocolCommandHandler {

    @Activate
    public TagsCommand(@Reference ImageService images) {
        super(Tags.class);
        on(Tags.List.class, (list, request) -> request.output().emitAll(images.tags(request.caller())));
        on(Tags.Rename.class, (rename, request) -> {
            images.renameTag(request.caller(), rename.from(), rename.to());
            request.output().emit(new Replies.TagRenamed(rename.from(), rename.to()));
        });
        on(Tags.Delete.class, (delete, request) -> {
            images.deleteTag(request.caller(), delete.tag());
            request.output().emit(new Replies.TagDeleted(delete.tag()));
        });
    }
}
