package org.gallerist.protocol.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tags ...}: tags with counts; admins rename and delete them. */
@Command(name = "tags", description = "List tags with counts; admins rename and delete them.",
        subcommands = { Tags.List.class, Tags.Rename.class, Tags.Delete.class })
public final class Tags extends WireCommand {

    @Command(name = "list", description = "Each tag you can see with how many images carry it ({tag, count}).")
    @Replay(Replay.Safety.SAFE)
    public static final class List extends WireCommand {
    }

    @Command(name = "rename", description = "Admins: rename a tag on every image ({renamed, to}).")
    @Replay(Replay.Safety.RECOGNISED)
    public static final class Rename extends WireCommand {
        @Parameters(index = "0", paramLabel = "OLD")
        String from;
        @Parameters(index = "1", paramLabel = "NEW")
        String to;

        public String from() {
            return from;
        }

        public String to() {
            return to;
        }

        public static Rename of(String from, String to) {
            Rename rename = new Rename();
            rename.from = from;
            rename.to = to;
            return rename;
        }
    }

    @Command(name = "delete", description = "Admins: remove a tag from every image ({deleted}).")
    @Replay(Replay.Safety.RECOGNISED)
    public static final class Delete extends WireCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String tag;

        public String tag() {
            return tag;
        }

        public static Delete of(String tag) {
            Delete delete = new Delete();
            delete.tag = tag;
            return delete;
        }
    }
}
