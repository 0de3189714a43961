package org.gallerist.commands.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.User;
import org.gallerist.api.command.CommandHandler;
import org.gallerist.api.command.CommandRequest;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.ImageQuery;
import org.gallerist.api.image.ImageService;
import org.gallerist.api.image.ImageSize;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Page;
import org.gallerist.api.image.Upload;
import org.gallerist.api.image.Visibility;
import org.gallerist.api.similarity.SimilarImage;
import org.gallerist.api.similarity.SimilarityService;
import org.gallerist.rules.ImageRules;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code images add|list|show|get|update|delete}: the image repository over exec. */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + "=images")
public class ImagesCommand implements CommandHandler {

    static final String ADD = "images add --name N --price P --quantity Q [--description D] [--tag T]... [--private]"
            + " < IMAGE";
    static final String IMPORT = "images import --price P --quantity Q [--description D] [--tag T]... [--private]"
            + " < TAR";
    static final String LIST = "images list [--tag T]... [--any] [--text WORDS] [--mine] [--limit N] [--after CURSOR]";
    static final String SHOW = "images show ID";
    static final String GET = "images get ID [--size thumb|preview|original]";
    static final String SIMILAR = "images similar [--to ID] [--limit K] [--tag T]... [< IMAGE]";
    static final String UPDATE = "images update ID [--name N] [--description D] [--tag T]... [--price P]"
            + " [--quantity Q] [--public|--private]";
    static final String DELETE = "images delete ID...";
    static final String USAGE = String.join(" | ", ADD, IMPORT, LIST, SHOW, GET, SIMILAR, UPDATE, DELETE);

    private final ImageService images;
    private final SimilarityService similarity;

    @Activate
    public ImagesCommand(@Reference ImageService images, @Reference SimilarityService similarity) {
        this.images = images;
        this.similarity = similarity;
    }

    @Override
    public String name() {
        return "images";
    }

    @Override
    public String summary() {
        return "add, import (tar), list, show, get, find similar, update and delete images (a wrong call shows the usage)";
    }

    @Override
    public void execute(CommandRequest request) throws Exception {
        List<String> args = request.args();
        if (args.isEmpty()) {
            throw Options.invalid("Missing sub-command.", USAGE);
        }
        List<String> rest = args.subList(1, args.size());
        User caller = request.caller();
        switch (args.get(0)) {
        case "add" -> request.output().emit(ImageJson.of(add(caller, rest, request.input())));
        case "import" -> importTar(caller, rest, request);
        case "list" -> list(caller, rest, request);
        case "show" -> request.output().emit(ImageJson.of(images.show(caller, singleId(rest, SHOW))));
        case "get" -> get(caller, rest, request.output().binary());
        case "similar" -> similar(caller, rest, request);
        case "update" -> request.output().emit(ImageJson.of(update(caller, rest)));
        case "delete" -> delete(caller, rest, request);
        default -> throw Options.invalid("Unknown sub-command '" + args.get(0) + "'.", USAGE);
        }
    }

    private Upload add(User caller, List<String> args, InputStream content) {
        Options options = Options.parse(args, Set.of("private", "public"), Set.of("name", "price", "quantity",
                "description"), Set.of("tag"), ADD);
        if (!options.positional().isEmpty()) {
            throw Options.invalid("Unexpected argument '" + options.positional().get(0) + "'.", ADD);
        }
        NewImage image = new NewImage(options.required("name", ADD), options.value("description"), options.all("tag"),
                ImageRules.price(options.required("price", ADD)), ImageRules.quantity(options.required("quantity", ADD)),
                visibility(options, Visibility.PUBLIC, ADD));
        return images.upload(caller, image, content);
    }

    /** Checks the shared settings before reading the archive, so a typo fails fast and stores nothing. */
    private void importTar(User caller, List<String> args, CommandRequest request) throws Exception {
        Options options = Options.parse(args, Set.of("private", "public"), Set.of("price", "quantity", "description"),
                Set.of("tag"), IMPORT);
        if (!options.positional().isEmpty()) {
            throw Options.invalid("Unexpected argument '" + options.positional().get(0) + "'.", IMPORT);
        }
        NewImage shared = new NewImage("import", ImageRules.description(options.value("description")),
                ImageRules.tags(options.all("tag")), ImageRules.price(options.required("price", IMPORT)),
                ImageRules.quantity(options.required("quantity", IMPORT)),
                visibility(options, Visibility.PUBLIC, IMPORT));
        new TarImport(images, caller, shared).run(request.input(), request.output());
    }

    private void list(User caller, List<String> args, CommandRequest request) throws Exception {
        Options options = Options.parse(args, Set.of("any", "mine"), Set.of("text", "limit", "after"), Set.of("tag"),
                LIST);
        if (!options.positional().isEmpty()) {
            throw Options.invalid("Unexpected argument '" + options.positional().get(0) + "'.", LIST);
        }
        int limit = options.value("limit") == null ? ImageQuery.DEFAULT_LIMIT : ImageRules.limit(options.value("limit"));
        Page<Image> page = images.list(caller, new ImageQuery(options.all("tag"), options.flag("any"),
                options.value("text"), options.flag("mine"), limit, options.value("after")));
        for (Image image : page.items()) {
            request.output().emit(ImageJson.of(image));
        }
        if (page.next() != null) {
            request.output().emit(Map.of("next", page.next()));
        }
    }

    /** By example: the image on stdin, or one already stored ({@code --to ID}), which is then left out. */
    private void similar(User caller, List<String> args, CommandRequest request) throws Exception {
        Options options = Options.parse(args, Set.of(), Set.of("to", "limit"), Set.of("tag"), SIMILAR);
        if (!options.positional().isEmpty()) {
            throw Options.invalid("Unexpected argument '" + options.positional().get(0) + "'.", SIMILAR);
        }
        int limit = options.value("limit") == null ? SimilarityService.DEFAULT_LIMIT : limit(options.value("limit"));
        List<SimilarImage> hits = options.value("to") != null
                ? similarity.similarTo(caller, Ids.parse(options.value("to")), limit, options.all("tag"))
                : similarity.similar(caller, request.input(), limit, options.all("tag"));
        for (SimilarImage hit : hits) {
            request.output().emit(ImageJson.of(hit));
        }
    }

    private static int limit(String text) {
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= SimilarityService.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw Options.invalid("The limit must be a whole number from 1 to " + SimilarityService.MAX_LIMIT + ", not '"
                + text + "'.", SIMILAR);
    }

    private void get(User caller, List<String> args, OutputStream out) throws Exception {
        Options options = Options.parse(args, Set.of(), Set.of("size"), Set.of(), GET);
        long id = singleId(options.positional(), GET);
        ImageSize size = size(options.value("size"));
        try (InputStream content = images.content(caller, id, size)) {
            content.transferTo(out);
        }
        out.flush();
    }

    private Image update(User caller, List<String> args) {
        Options options = Options.parse(args, Set.of("private", "public"), Set.of("name", "price", "quantity",
                "description"), Set.of("tag"), UPDATE);
        long id = singleId(options.positional(), UPDATE);
        List<String> tags = options.all("tag").isEmpty() ? null : options.all("tag");
        ImageChanges changes = new ImageChanges(options.value("name"), options.value("description"), tags,
                options.value("price") == null ? null : ImageRules.price(options.value("price")),
                options.value("quantity") == null ? null : ImageRules.quantity(options.value("quantity")),
                visibility(options, null, UPDATE));
        return images.update(caller, id, changes);
    }

    /** One result line per id; a failing id never stops the others, and the exit status says if any failed. */
    private void delete(User caller, List<String> args, CommandRequest request) throws Exception {
        if (args.isEmpty()) {
            throw Options.invalid("Give at least one image id.", DELETE);
        }
        int failed = 0;
        ErrorCode firstFailure = null;
        for (String arg : args) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", arg);
            try {
                long id = Ids.parse(arg);
                line.put("id", id);
                images.delete(caller, id);
                line.put("deleted", true);
            } catch (GalleristException e) {
                failed++;
                firstFailure = firstFailure == null ? e.code() : firstFailure;
                line.put("error", e.code().wireName());
                line.put("message", e.getMessage());
            }
            request.output().emit(line);
        }
        if (failed > 0) {
            throw new GalleristException(firstFailure,
                    failed + " of " + args.size() + " images could not be deleted; see the result lines.");
        }
    }

    private static Visibility visibility(Options options, Visibility fallback, String usage) {
        if (options.flag("private") && options.flag("public")) {
            throw Options.invalid("Give --public or --private, not both.", usage);
        }
        return options.flag("private") ? Visibility.PRIVATE : options.flag("public") ? Visibility.PUBLIC : fallback;
    }

    private static ImageSize size(String text) {
        if (text == null) {
            return ImageSize.ORIGINAL;
        }
        try {
            return ImageSize.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Options.invalid("Unknown size '" + text + "'.", GET);
        }
    }

    private static long singleId(List<String> positional, String usage) {
        if (positional.size() != 1) {
            throw Options.invalid(positional.isEmpty() ? "Give an image id." : "Give exactly one image id.", usage);
        }
        return Ids.parse(positional.get(0));
    }
}
