package org.gallerist.protocol.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tags ...}: tags with counts; admins rename and delete them. */
@Command(name = "tags", description = "List tags with counts; admins rename and delete them.",
        subcommands = { Tags.List.class, Tags.Rename.class, Tags.Delete.class })
public final class Tags extends WireCommand {

    @Command(name = "list", description = "Each tag you can see with how many images carry it ({tag, count}).")
    public static final class List extends ReadOnly {
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

        public Rename() {
        }

        public Rename(String from, String to) {
            this.from = from;
            this.to = to;
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

        public Delete() {
        }

        public Delete(String tag) {
            this.tag = tag;
        }
    }
}
