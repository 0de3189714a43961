package org.gallerist.transport.ssh.client.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.DeleteResult;
import org.gallerist.api.client.ImageRepository;
import org.gallerist.api.client.ImportResult;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.ImageQuery;
import org.gallerist.api.image.ImageSize;
import org.gallerist.api.image.ImportDefaults;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Page;
import org.gallerist.api.image.TagCount;
import org.gallerist.api.image.Upload;
import org.gallerist.api.similarity.SimilarImage;
import org.gallerist.api.similarity.SimilarityService;
import org.gallerist.api.image.Visibility;

/**
 * {@link ImageRepository} as exec commands on one session. Every request is sent once more if its connection was
 * lost: reads and updates as they are; an upload, a delete and tag changes read the second answer knowing that the
 * first try may have done the work (the server rejects the same bytes from the same owner as a duplicate).
 */
final class RemoteImages implements ImageRepository {

    private static final byte[] NO_INPUT = new byte[0];
    /** How the server's {@code duplicate} answer names the image already there: "... as #12." */
    private static final Pattern EXISTING_ID = Pattern.compile("#(\\d+)");

    private final SshGalleristSession session;

    RemoteImages(SshGalleristSession session) {
        this.session = session;
    }

    @Override
    public Upload upload(NewImage image, byte[] content) {
        List<String> command = new ArrayList<>(List.of("images", "add", "--name", image.name(), "--price",
                image.price().toPlainString(), "--quantity", String.valueOf(image.quantity())));
        if (!image.description().isEmpty()) {
            command.addAll(List.of("--description", image.description()));
        }
        image.tags().forEach(tag -> command.addAll(List.of("--tag", tag)));
        if (image.visibility() == Visibility.PRIVATE) {
            command.add("--private");
        }
        return session.request(true, again -> {
            try {
                return WireRecords.upload(single(session.lines(command, content)));
            } catch (GalleristException e) {
                Matcher existing = EXISTING_ID.matcher(String.valueOf(e.getMessage()));
                if (again && e.code() == ErrorCode.DUPLICATE && existing.find()) {
                    // the first try stored it; its answer, with what the server noticed then, was lost
                    return new Upload(show(Long.parseLong(existing.group(1))), List.of(), List.of());
                }
                throw e;
            }
        });
    }

    @Override
    public List<SimilarImage> similar(byte[] query, int limit, List<String> tags) {
        return session.exec(similarCommand(null, limit, tags), query, true).stream().map(WireRecords::similar)
                .toList();
    }

    @Override
    public List<SimilarImage> similarTo(long id, int limit, List<String> tags) {
        return session.exec(similarCommand(id, limit, tags), NO_INPUT, true).stream().map(WireRecords::similar)
                .toList();
    }

    private static List<String> similarCommand(Long to, int limit, List<String> tags) {
        List<String> command = new ArrayList<>(List.of("images", "similar", "--limit", String.valueOf(limit)));
        if (to != null) {
            command.addAll(List.of("--to", String.valueOf(to)));
        }
        tags.forEach(tag -> command.addAll(List.of("--tag", tag)));
        return command;
    }

    @Override
    public SimilarityService.Status similarityStatus() {
        return WireRecords.status(single(session.exec(List.of("server", "info"), NO_INPUT, true)));
    }

    @Override
    public List<ImportResult> importTar(ImportDefaults defaults, Path tar) {
        List<String> command = new ArrayList<>(List.of("images", "import", "--price", defaults.price().toPlainString(),
                "--quantity", String.valueOf(defaults.quantity())));
        if (!defaults.description().isEmpty()) {
            command.addAll(List.of("--description", defaults.description()));
        }
        defaults.tags().forEach(tag -> command.addAll(List.of("--tag", tag)));
        if (defaults.visibility() == Visibility.PRIVATE) {
            command.add("--private");
        }
        List<Map<String, Object>> lines;
        try (InputStream archive = Files.newInputStream(tar)) {
            // Sent again only if the first try never reached the server: the archive was not read then.
            lines = session.request(false, again -> session.linesEvenIfFailed(command, archive));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + tar, e);
        }
        List<ImportResult> results = new ArrayList<>();
        for (Map<String, Object> line : lines) {
            String file = String.valueOf(line.get("file"));
            if (line.get("image") instanceof Map<?, ?> image) {
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) image;
                results.add(new ImportResult(file, WireRecords.image(fields), null, ""));
            } else {
                results.add(new ImportResult(file, null, ErrorCode.fromWireName(String.valueOf(line.get("error"))),
                        String.valueOf(line.get("message"))));
            }
        }
        return results;
    }

    @Override
    public Page<Image> list(ImageQuery query) {
        List<String> command = new ArrayList<>(List.of("images", "list", "--limit", String.valueOf(query.limit())));
        query.tags().forEach(tag -> command.addAll(List.of("--tag", tag)));
        if (query.anyTag()) {
            command.add("--any");
        }
        if (!query.text().isBlank()) {
            command.addAll(List.of("--text", query.text()));
        }
        if (query.mine()) {
            command.add("--mine");
        }
        if (query.after() != null) {
            command.addAll(List.of("--after", query.after()));
        }
        List<Image> images = new ArrayList<>();
        String next = null;
        for (Map<String, Object> line : session.exec(command, NO_INPUT, true)) {
            if (line.get("next") instanceof String cursor) {
                next = cursor;
            } else {
                images.add(WireRecords.image(line));
            }
        }
        return new Page<>(images, next);
    }

    @Override
    public Image show(long id) {
        return WireRecords.image(single(session.exec(List.of("images", "show", String.valueOf(id)), NO_INPUT, true)));
    }

    @Override
    public byte[] content(long id, ImageSize size) {
        return session.bytes(List.of("images", "get", String.valueOf(id), "--size", size.wireName()));
    }

    @Override
    public Image update(long id, ImageChanges changes) {
        List<String> command = new ArrayList<>(List.of("images", "update", String.valueOf(id)));
        if (changes.name() != null) {
            command.addAll(List.of("--name", changes.name()));
        }
        if (changes.description() != null) {
            command.addAll(List.of("--description", changes.description()));
        }
        if (changes.tags() != null) {
            changes.tags().forEach(tag -> command.addAll(List.of("--tag", tag)));
        }
        if (changes.price() != null) {
            command.addAll(List.of("--price", changes.price().toPlainString()));
        }
        if (changes.quantity() != null) {
            command.addAll(List.of("--quantity", String.valueOf(changes.quantity())));
        }
        if (changes.visibility() != null) {
            command.add(changes.visibility() == Visibility.PRIVATE ? "--private" : "--public");
        }
        return WireRecords.image(single(session.exec(command, NO_INPUT, true))); // sets values: safe to send twice
    }

    @Override
    public List<DeleteResult> delete(List<Long> ids) {
        List<String> command = new ArrayList<>(List.of("images", "delete"));
        ids.forEach(id -> command.add(String.valueOf(id)));
        return session.request(true, again -> {
            List<DeleteResult> results = new ArrayList<>();
            for (Map<String, Object> line : session.linesEvenIfFailed(command, new ByteArrayInputStream(NO_INPUT))) {
                results.add(deleteResult(line, again));
            }
            return results;
        });
    }

    /** On the second try an image that is gone was deleted by the first, whose answer was lost. */
    private static DeleteResult deleteResult(Map<String, Object> line, boolean again) {
        long id = line.get("id") instanceof Number number ? number.longValue() : -1;
        ErrorCode error = Boolean.TRUE.equals(line.get("deleted")) ? null
                : ErrorCode.fromWireName(String.valueOf(line.get("error")));
        if (error == null || again && error == ErrorCode.NOT_FOUND) {
            return new DeleteResult(id, true, null, "");
        }
        return new DeleteResult(id, false, error, String.valueOf(line.get("message")));
    }

    @Override
    public List<TagCount> tags() {
        return session.exec(List.of("tags", "list"), NO_INPUT, true).stream().map(WireRecords::tag).toList();
    }

    @Override
    public void renameTag(String from, String to) {
        goneOnSecondTry(List.of("tags", "rename", from, to));
    }

    @Override
    public void deleteTag(String tag) {
        goneOnSecondTry(List.of("tags", "delete", tag));
    }

    /** For changes that make their subject go away: a second try that finds it gone means the first one did it. */
    private void goneOnSecondTry(List<String> command) {
        session.request(true, again -> {
            try {
                return session.lines(command, NO_INPUT);
            } catch (GalleristException e) {
                if (again && e.code() == ErrorCode.NOT_FOUND) {
                    return List.of();
                }
                throw e;
            }
        });
    }

    private static Map<String, Object> single(List<Map<String, Object>> lines) {
        if (lines.size() != 1) {
            throw new GalleristException(ErrorCode.INTERNAL,
                    "The server sent " + lines.size() + " lines where one was expected.");
        }
        return lines.get(0);
    }
}
