package org.gallerist.client.core.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gallerist.api.GalleristException;
import org.gallerist.api.client.DeleteResult;
import org.gallerist.api.image.Image;
import org.gallerist.client.core.ErrorMessages;

/**
 * What a bulk request did to each image, in the order they were chosen. The server applies a bulk request all or
 * none, so either every image sent changed or none did, and then the refused ones say why and the others that they
 * were left as they were.
 */
public record BulkResult(List<Line> lines, boolean applied) {

    /** What happened to one image. */
    public enum Status {
        UPDATED("Updated"), DELETED("Deleted"), REFUSED("Refused"), UNCHANGED("Left as it was"),
        FAILED("Failed"), SKIPPED("Skipped");

        private final String label;

        Status(String label) {
            this.label = label;
        }
    }

    /** One image's outcome, as the results table shows it; {@code detail} is the reason or the new values. */
    public record Line(long id, String name, Status status, String detail) {
        public boolean done() {
            return status == Status.UPDATED || status == Status.DELETED;
        }

        public String outcome() {
            return detail.isEmpty() ? status.label : status.label + (status == Status.UNCHANGED ? ", " : ": ") + detail;
        }
    }

    public BulkResult {
        lines = List.copyOf(lines);
    }

    /** The images sent all changed: each line tells the values it has now. */
    public static BulkResult updated(List<Image> sent, List<Image> changed, List<Image> skipped) {
        Map<Long, Image> byId = changed.stream().collect(Collectors.toMap(Image::id, Function.identity()));
        List<Line> lines = new ArrayList<>();
        for (Image image : sent) {
            Image now = byId.getOrDefault(image.id(), image);
            lines.add(new Line(image.id(), now.name(), Status.UPDATED, facts(now)));
        }
        skippedLines(skipped, lines);
        return new BulkResult(lines, true);
    }

    /** Every image sent was deleted. */
    public static BulkResult deleted(List<Image> sent, List<DeleteResult> results, List<Image> skipped) {
        Map<Long, DeleteResult> byId = new HashMap<>();
        results.forEach(result -> byId.put(result.id(), result));
        boolean all = sent.stream().allMatch(image -> byId.containsKey(image.id()) && byId.get(image.id()).deleted());
        List<Line> lines = new ArrayList<>();
        for (Image image : sent) {
            DeleteResult result = byId.get(image.id());
            if (result != null && result.deleted()) {
                lines.add(new Line(image.id(), image.name(), Status.DELETED, ""));
            } else if (result != null && result.message() != null && !result.message().isBlank()) {
                lines.add(new Line(image.id(), image.name(), Status.REFUSED, result.message()));
            } else {
                lines.add(unchangedBecauseOthers(image));
            }
        }
        skippedLines(skipped, lines);
        return new BulkResult(lines, all);
    }

    /**
     * The request was refused: the ids the server named under {@code errors} get its reason, the others that they
     * stayed as they were; a refusal naming no id (e.g. a lost connection) is every image's reason.
     */
    public static BulkResult refused(List<Image> sent, Throwable failure, List<Image> skipped) {
        Map<Long, String> reasons = reasonsById(failure);
        List<Line> lines = new ArrayList<>();
        for (Image image : sent) {
            if (reasons.isEmpty()) {
                lines.add(new Line(image.id(), image.name(), Status.FAILED, ErrorMessages.readable(failure)));
            } else if (reasons.containsKey(image.id())) {
                lines.add(new Line(image.id(), image.name(), Status.REFUSED, reasons.get(image.id())));
            } else {
                lines.add(unchangedBecauseOthers(image));
            }
        }
        skippedLines(skipped, lines);
        return new BulkResult(lines, false);
    }

    public long doneCount() {
        return lines.stream().filter(Line::done).count();
    }

    /** One sentence for the dialog's message area. */
    public String summary() {
        long done = doneCount();
        return applied ? done + (done == 1 ? " image" : " images") + " changed."
                : "Nothing was changed: the server applies all or none, and it refused some (see the results).";
    }

    /** The summary followed by each refused image's reason, for a one-line error message. */
    public String refusals() {
        return summary() + lines.stream().filter(line -> line.status() == Status.REFUSED)
                .map(line -> " #" + line.id() + ": " + line.detail()).collect(Collectors.joining());
    }

    private static Map<Long, String> reasonsById(Throwable failure) {
        Map<Long, String> reasons = new HashMap<>();
        if (failure instanceof GalleristException e && e.details().get("errors") instanceof List<?> errors) {
            for (Object entry : errors) {
                if (entry instanceof Map<?, ?> error && error.get("id") instanceof Number id) {
                    reasons.put(id.longValue(), String.valueOf(error.get("message")));
                }
            }
        }
        return reasons;
    }

    private static Line unchangedBecauseOthers(Image image) {
        return new Line(image.id(), image.name(), Status.UNCHANGED, "because others were refused");
    }

    private static void skippedLines(List<Image> skipped, List<Line> lines) {
        skipped.forEach(image -> lines.add(new Line(image.id(), image.name(), Status.SKIPPED, "not yours")));
    }

    private static String facts(Image image) {
        return image.price().toPlainString() + ", " + image.quantity() + " in stock, "
                + image.visibility().name().toLowerCase(Locale.ROOT)
                + (image.tags().isEmpty() ? "" : ", tags " + String.join(", ", image.tags()));
    }
}
