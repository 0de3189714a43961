package org.gallerist.commands.internal;

import org.gallerist.spi.command.CommandHandler;
import org.gallerist.spi.command.ProtocolCommandHandler;
import org.gallerist.api.similarity.SimilarityService;
import org.gallerist.protocol.Replies;
import org.gallerist.protocol.command.Server;
import org.gallerist.spi.imaging.ImageProcessor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code server info}: what clients may want to know before they search or upload: which embedder is active, and which
 * image formats the imaging backend in use reads.
 */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + "=server")
public class ServerCommand extends ProtocolCommandHandler {

    @Activate
    public ServerCommand(@Reference SimilarityService similarity, @Reference ImageProcessor images) {
        super(Server.class);
        on(Server.Info.class, (info, request) -> request.output().emit(
                Replies.ServerInfo.of(similarity.status(), images.formats())));
    }
}
