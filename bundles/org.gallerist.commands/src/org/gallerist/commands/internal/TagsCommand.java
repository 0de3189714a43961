package org.gallerist.commands.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gallerist.api.command.CommandHandler;
import org.gallerist.api.command.CommandRequest;
import org.gallerist.api.image.ImageService;
import org.gallerist.api.image.TagCount;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code tags list}, and for admins {@code tags rename OLD NEW} and {@code tags delete NAME}. */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + "=tags")
public class TagsCommand implements CommandHandler {

    static final String USAGE = "tags list | tags rename OLD NEW | tags delete NAME";

    private final ImageService images;

    @Activate
    public TagsCommand(@Reference ImageService images) {
        this.images = images;
    }

    @Override
    public String name() {
        return "tags";
    }

    @Override
    public String summary() {
        return "list tags with counts; admins rename and delete them";
    }

    @Override
    public void execute(CommandRequest request) throws Exception {
        List<String> args = request.args();
        String sub = args.isEmpty() ? "" : args.get(0);
        switch (sub) {
        case "list" -> {
            expect(args, 1);
            for (TagCount tag : images.tags(request.caller())) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("tag", tag.tag());
                line.put("count", tag.count());
                request.output().emit(line);
            }
        }
        case "rename" -> {
            expect(args, 3);
            images.renameTag(request.caller(), args.get(1), args.get(2));
            request.output().emit(Map.of("renamed", args.get(1), "to", args.get(2)));
        }
        case "delete" -> {
            expect(args, 2);
            images.deleteTag(request.caller(), args.get(1));
            request.output().emit(Map.of("deleted", args.get(1)));
        }
        default -> throw Options.invalid(sub.isEmpty() ? "Missing sub-command." : "Unknown sub-command '" + sub + "'.",
                USAGE);
        }
    }

    private static void expect(List<String> args, int count) {
        if (args.size() != count) {
            throw Options.invalid("Wrong number of arguments.", USAGE);
        }
    }
}
