package org.gallerist.protocol.command;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.ImageQuery;
import org.gallerist.api.image.ImageSize;
import org.gallerist.api.image.ImportDefaults;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code images ...}: the image repository. */
@Command(name = "images", description = "Add, import (tar), list, show, get, find similar, update and delete images.",
        subcommands = { Images.Add.class, Images.Import.class, Images.List.class, Images.Show.class, Images.Get.class,
                Images.Similar.class, Images.Update.class, Images.Delete.class })
public final class Images extends WireCommand {

    /** Name, price, quantity and the rest that {@code add} and {@code import} share. */
    public abstract static class Described extends WireCommand {
        @Option(names = "--description", paramLabel = "D", description = "Free text, up to 4000 characters.")
        String description;
        @Option(names = "--tag", paramLabel = "T", description = "A tag (repeat for more): letters, digits, spaces, '-', '_'.")
        java.util.List<String> tags = new ArrayList<>();
        @Option(names = "--price", required = true, paramLabel = "P", converter = Converters.Amount.class,
                description = "Price with at most 2 decimals, e.g. 12.50.")
        BigDecimal price;
        @Option(names = "--quantity", required = true, paramLabel = "Q", description = "How many are for sale.")
        long quantity;
        @Option(names = "--private", description = "Only you (and admins) see it.")
        boolean makePrivate;
        @Option(names = "--public", description = "Everyone logged in sees it (the default).")
        boolean makePublic;
        @Option(names = "--share-camera", description = "Everyone who sees it also sees when and with what camera it"
                + " was taken (the file's EXIF; kept to you otherwise).")
        boolean shareCamera;
        @Option(names = "--free-download", description = "Everyone who sees it may download the original without"
                + " buying it (otherwise only its buyers, you and admins).")
        boolean freeDownload;

        public String description() {
            return description;
        }

        public java.util.List<String> tags() {
            return tags;
        }

        public BigDecimal price() {
            return price;
        }

        public long quantity() {
            return quantity;
        }

        /** {@code null} when neither {@code --public} nor {@code --private} was given. */
        public Visibility visibility() {
            return Visibilities.of(makePublic, makePrivate);
        }

        public boolean shareCamera() {
            return shareCamera;
        }

        public boolean freeDownload() {
            return freeDownload;
        }

        void describe(String description, java.util.List<String> tags, BigDecimal price, long quantity,
                Visibility visibility) {
            this.description = description == null || description.isEmpty() ? null : description;
            this.tags = new ArrayList<>(tags);
            this.price = price;
            this.quantity = quantity;
            this.makePrivate = visibility == Visibility.PRIVATE;
        }
    }

    @Command(name = "add", description = "Upload one image (its bytes on stdin). Answers the image with"
            + " near_duplicates and suggested_tags. Without --name, --description or --tag, the file's own XMP or"
            + " IPTC title, caption and keywords are used.")
    @Replay(Replay.Safety.RECOGNISED)
    public static final class Add extends Described {
        @Option(names = "--name", paramLabel = "N", description = "Up to 200 characters; without it, the file's"
                + " title (XMP dc:title or IPTC ObjectName), which it then must have unless --untitled-name is given.")
        String name;

        @Option(names = "--untitled-name", paramLabel = "N", description = "The name when --name is not given and"
                + " the file has no title of its own (the desktop client sends one made from the file name).")
        String untitledName;

        /** {@code null} when not given. */
        public String name() {
            return name;
        }

        /** {@code null} when not given. */
        public String untitledName() {
            return untitledName;
        }

        public static Add of(NewImage image) {
            Add add = new Add();
            add.name = image.name();
            add.untitledName = image.name() == null ? image.untitledName() : null;
            add.describe(image.description(), image.tags(), image.price(), image.quantity(), image.visibility());
            add.shareCamera = image.shareCamera();
            add.freeDownload = image.freeDownload();
            return add;
        }
    }

    @Command(name = "import", description = "Upload every file of a tar archive on stdin, each named after its file."
            + " One result line per file ({file, id, image, error, message}); a bad file never stops the others.")
    @Replay(Replay.Safety.NEVER)
    public static final class Import extends Described {
        public static Import of(ImportDefaults defaults) {
            Import command = new Import();
            command.describe(defaults.description(), defaults.tags(), defaults.price(), defaults.quantity(),
                    defaults.visibility());
            return command;
        }
    }

    @Command(name = "list", description = "Images you may see, newest first: one per line, then {\"next\": CURSOR}"
            + " if more remain.")
    public static final class List extends ReadOnly {
        @Option(names = "--tag", paramLabel = "T", description = "Only images with this tag (all given tags must match).")
        java.util.List<String> tags = new ArrayList<>();
        @Option(names = "--any", description = "Any of the given tags is enough.")
        boolean anyTag;
        @Option(names = "--text", paramLabel = "WORDS",
                description = "Words that must all be in name, description, tags or what the model saw.")
        String text;
        @Option(names = "--mine", description = "Only your own images.")
        boolean mine;
        @Option(names = "--limit", paramLabel = "N", description = "Page size, 1 to 200 (default 60).")
        Integer limit;
        @Option(names = "--after", paramLabel = "CURSOR", description = "The 'next' of the previous page.")
        String after;

        public ImageQuery query() {
            return new ImageQuery(tags, anyTag, text, mine, limit == null ? ImageQuery.DEFAULT_LIMIT : limit, after);
        }

        /** The limit as given, for the rules to check; {@code null} for the default. */
        public Integer limit() {
            return limit;
        }

        public static List of(ImageQuery query) {
            List list = new List();
            list.tags = new ArrayList<>(query.tags());
            list.anyTag = query.anyTag();
            list.text = query.text().isBlank() ? null : query.text();
            list.mine = query.mine();
            list.limit = query.limit();
            list.after = query.after();
            return list;
        }
    }

    /** Commands about one stored image. */
    public abstract static class OneImage extends WireCommand {
        @Parameters(index = "0", paramLabel = "ID", converter = Converters.ImageId.class, description = "The image id.")
        long id;

        public long id() {
            return id;
        }
    }

    @Command(name = "show", description = "One image's metadata.")
    @Replay(Replay.Safety.SAFE)
    public static final class Show extends OneImage {
        public Show() {
        }

        public Show(long id) {
            this.id = id;
        }
    }

    @Command(name = "get", description = "An image's bytes on stdout: thumb (256 px JPEG), preview (1024 px JPEG)"
            + " or original (the default: as uploaded for its owner and admins; for others the same pixels"
            + " without location, camera, serial numbers, owner or XMP).")
    @Replay(Replay.Safety.SAFE)
    public static final class Get extends OneImage {
        @Option(names = "--size", paramLabel = "SIZE", converter = Converters.Size.class,
                description = "thumb, preview or original.")
        ImageSize size = ImageSize.ORIGINAL;

        public ImageSize size() {
            return size;
        }

        public Get() {
        }

        public Get(long id, ImageSize size) {
            this.id = id;
            this.size = size;
        }
    }

    @Command(name = "similar", description = "Images like the one on stdin, or like a stored one (--to ID, left out),"
            + " best first, each with its score.")
    public static final class Similar extends ReadOnly {
        @Option(names = "--to", paramLabel = "ID", converter = Converters.ImageId.class,
                description = "Like this stored image instead of stdin.")
        Long to;
        @Option(names = "--limit", paramLabel = "K", description = "How many, 1 to 200 (default 20).")
        Integer limit;
        @Option(names = "--tag", paramLabel = "T", description = "Only images with this tag (repeat: all must match).")
        java.util.List<String> tags = new ArrayList<>();

        public Long to() {
            return to;
        }

        public Integer limit() {
            return limit;
        }

        public java.util.List<String> tags() {
            return tags;
        }

        public Similar() {
        }

        public Similar(Long to, int limit, java.util.List<String> tags) {
            this.to = to;
            this.limit = limit;
            this.tags = new ArrayList<>(tags);
        }
    }

    @Command(name = "update", description = "Change images you own; what is not given stays as it is, --tag"
            + " replaces all tags. Several ids change alike in one transaction, all or none: if any is refused,"
            + " nothing changes and the error lists each refused id under 'errors'. One image line per id.")
    @Replay(Replay.Safety.SAFE)
    public static final class Update extends WireCommand {
        @Parameters(arity = "1..*", paramLabel = "ID", description = "The image ids (at most 1000).")
        java.util.List<String> ids = new ArrayList<>();
        @Option(names = "--name", paramLabel = "N")
        String name;
        @Option(names = "--description", paramLabel = "D")
        String description;
        @Option(names = "--tag", paramLabel = "T")
        java.util.List<String> tags = new ArrayList<>();
        @Option(names = "--add-tag", paramLabel = "T", description = "Add this tag, keeping the others (repeat for"
                + " more).")
        java.util.List<String> addTags = new ArrayList<>();
        @Option(names = "--remove-tag", paramLabel = "T", description = "Remove this tag where it is (repeat for"
                + " more).")
        java.util.List<String> removeTags = new ArrayList<>();
        @Option(names = "--price", paramLabel = "P", converter = Converters.Amount.class)
        BigDecimal price;
        @Option(names = "--quantity", paramLabel = "Q")
        Long quantity;
        @Option(names = "--public")
        boolean makePublic;
        @Option(names = "--private")
        boolean makePrivate;
        @Option(names = "--share-camera", description = "Show everyone who sees it the camera's facts.")
        boolean shareCamera;
        @Option(names = "--hide-camera", description = "Keep the camera's facts to yourself again.")
        boolean hideCamera;
        @Option(names = "--free-download", description = "Let everyone who sees it download the original.")
        boolean freeDownload;
        @Option(names = "--buyers-only", description = "Give the original to its buyers only again (the default).")
        boolean buyersOnly;

        public String name() {
            return name;
        }

        public String description() {
            return description;
        }

        /** {@code null} when neither {@code --share-camera} nor {@code --hide-camera} was given. */
        public Boolean shareCamera() {
            if (shareCamera && hideCamera) {
                throw new GalleristException(ErrorCode.USAGE, "Give --share-camera or --hide-camera, not both.");
            }
            return shareCamera ? Boolean.TRUE : hideCamera ? Boolean.FALSE : null;
        }

        /** {@code null} when neither {@code --free-download} nor {@code --buyers-only} was given. */
        public Boolean freeDownload() {
            if (freeDownload && buyersOnly) {
                throw new GalleristException(ErrorCode.USAGE, "Give --free-download or --buyers-only, not both.");
            }
            return freeDownload ? Boolean.TRUE : buyersOnly ? Boolean.FALSE : null;
        }

        /** {@code null} when no tag was given: the tags stay. */
        public java.util.List<String> tags() {
            return tags.isEmpty() ? null : tags;
        }

        public java.util.List<String> addTags() {
            return addTags;
        }

        public java.util.List<String> removeTags() {
            return removeTags;
        }

        /** The ids as given, checked by the command. */
        public java.util.List<String> ids() {
            return ids;
        }

        /** The first id as a number, -1 if it is not one. */
        public long id() {
            try {
                return Long.parseLong(ids.get(0));
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        public BigDecimal price() {
            return price;
        }

        public Long quantity() {
            return quantity;
        }

        public Visibility visibility() {
            return Visibilities.of(makePublic, makePrivate);
        }

        public static Update of(long id, ImageChanges changes) {
            return of(java.util.List.of(id), changes);
        }

        public static Update of(java.util.List<Long> ids, ImageChanges changes) {
            Update update = new Update();
            ids.forEach(id -> update.ids.add(String.valueOf(id)));
            update.name = changes.name();
            update.description = changes.description();
            update.tags = changes.tags() == null ? new ArrayList<>() : new ArrayList<>(changes.tags());
            update.price = changes.price();
            update.quantity = changes.quantity() == null ? null : changes.quantity().longValue();
            update.makePublic = changes.visibility() == Visibility.PUBLIC;
            update.makePrivate = changes.visibility() == Visibility.PRIVATE;
            update.shareCamera = Boolean.TRUE.equals(changes.shareCamera());
            update.hideCamera = Boolean.FALSE.equals(changes.shareCamera());
            update.freeDownload = Boolean.TRUE.equals(changes.freeDownload());
            update.buyersOnly = Boolean.FALSE.equals(changes.freeDownload());
            update.addTags = changes.addTags() == null ? new ArrayList<>() : new ArrayList<>(changes.addTags());
            update.removeTags = changes.removeTags() == null ? new ArrayList<>()
                    : new ArrayList<>(changes.removeTags());
            return update;
        }
    }

    @Command(name = "delete", description = "Delete images you own, all or none (one transaction): one result line"
            + " per id ({id, deleted, error, message}); if any id is refused, nothing is deleted and its line says"
            + " why.")
    @Replay(Replay.Safety.RECOGNISED)
    public static final class Delete extends WireCommand {
        @Parameters(arity = "1..*", paramLabel = "ID", description = "Image ids.")
        java.util.List<String> ids = new ArrayList<>();

        public java.util.List<String> ids() {
            return ids;
        }

        public Delete() {
        }

        public Delete(java.util.List<Long> ids) {
            ids.forEach(id -> this.ids.add(String.valueOf(id)));
        }
    }
}
