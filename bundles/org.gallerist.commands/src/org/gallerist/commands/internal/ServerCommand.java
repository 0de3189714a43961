package org.gallerist.commands.internal;

import org.gallerist.spi.command.CommandHandler;
import org.gallerist.spi.command.CommandRequest;
import org.gallerist.spi.command.ProtocolCommandHandler;
import org.gallerist.api.similarity.SimilarityService;
import org.gallerist.protocol.command.WireCommand;
import org.gallerist.protocol.command.Server;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code server info}: what clients may want to know before they search, e.g. which embedder is active. */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + "=server")
public class ServerCommand extends ProtocolCommandHandler {

    private final SimilarityService similarity;

    @Activate
    public ServerCommand(@Reference SimilarityService similarity) {
        super(Server.class);
        this.similarity = similarity;
    }

    @Override
    protected void execute(WireCommand parsed, CommandRequest request) throws Exception {
        if (parsed instanceof Server.Info) {
            request.output().emit(similarity.status());
        }
    }
}
