package org.gallerist.commands.internal;

import java.lang.management.ManagementFactory;
import java.time.Instant;

import org.gallerist.spi.command.CommandHandler;
import org.gallerist.spi.command.ProtocolCommandHandler;
import org.gallerist.api.similarity.SimilarityService;
import org.gallerist.protocol.Replies;
import org.gallerist.protocol.command.Server;
import org.gallerist.spi.imaging.ImageProcessor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code server info}: what clients may want to know before they search or upload: which embedder is active, which
 * image formats the imaging backend in use reads, and which version runs since when (the JVM's start).
 */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + "=server")
public class ServerCommand extends ProtocolCommandHandler {

    @Activate
    public ServerCommand(@Reference SimilarityService similarity, @Reference ImageProcessor images,
            BundleContext context) {
        super(Server.class);
        String version = context.getBundle().getVersion().toString();
        Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        on(Server.Info.class, (info, request) -> request.output().emit(
                Replies.ServerInfo.of(similarity.status(), images.formats(), version, started)));
    }
}
