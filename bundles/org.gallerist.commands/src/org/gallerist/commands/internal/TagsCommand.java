package org.gallerist.commands.internal;

import org.gallerist.spi.command.CommandHandler;
import org.gallerist.spi.command.CommandRequest;
import org.gallerist.spi.command.ProtocolCommandHandler;
import org.gallerist.api.image.ImageService;
import org.gallerist.api.image.TagCount;
import org.gallerist.protocol.Replies;
import org.gallerist.protocol.command.WireCommand;
import org.gallerist.protocol.command.Tags;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code tags list}, and for admins {@code tags rename OLD NEW} and {@code tags delete NAME}. */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + "=tags")
public class TagsCommand extends ProtocolCommandHandler {

    private final ImageService images;

    @Activate
    public TagsCommand(@Reference ImageService images) {
        super(Tags.class);
        this.images = images;
    }

    @Override
    protected void execute(WireCommand parsed, CommandRequest request) throws Exception {
        switch (parsed) {
        case Tags.List list -> {
            for (TagCount tag : images.tags(request.caller())) {
                request.output().emit(tag);
            }
        }
        case Tags.Rename rename -> {
            images.renameTag(request.caller(), rename.from(), rename.to());
            request.output().emit(new Replies.TagRenamed(rename.from(), rename.to()));
        }
        case Tags.Delete delete -> {
            images.deleteTag(request.caller(), delete.tag());
            request.output().emit(new Replies.TagDeleted(delete.tag()));
        }
        default -> throw new IllegalStateException("tags: no handler for a parsed sub-command");
        }
    }
}
