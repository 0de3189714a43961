package org.gallerist.commands.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gallerist.api.command.CommandHandler;
import org.gallerist.api.command.CommandRequest;
import org.gallerist.api.similarity.SimilarityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code server info}: what clients may want to know before they search, e.g. which embedder is active. */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + "=server")
public class ServerCommand implements CommandHandler {

    static final String USAGE = "server info";

    private final SimilarityService similarity;

    @Activate
    public ServerCommand(@Reference SimilarityService similarity) {
        this.similarity = similarity;
    }

    @Override
    public String name() {
        return "server";
    }

    @Override
    public String summary() {
        return "server info: the active embedder for similarity search, its dimension and the re-index progress";
    }

    @Override
    public void execute(CommandRequest request) throws Exception {
        if (!request.args().equals(List.of("info"))) {
            throw Options.invalid(request.args().isEmpty() ? "Missing sub-command." : "Unknown arguments.", USAGE);
        }
        SimilarityService.Status status = similarity.status();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("embedder", status.embedder());
        info.put("dimension", status.dimension());
        info.put("indexed", status.indexed());
        info.put("images", status.images());
        info.put("reindexing", status.reindexing());
        request.output().emit(info);
    }
}
