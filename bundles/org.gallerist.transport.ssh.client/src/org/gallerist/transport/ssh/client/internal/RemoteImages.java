package org.gallerist.transport.ssh.client.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.DeleteResult;
import org.gallerist.api.client.ImageRepository;
import org.gallerist.api.client.ImportResult;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageDetails;
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
import org.gallerist.protocol.Replies;
import org.gallerist.protocol.WireJson;
import org.gallerist.protocol.command.Images;
import org.gallerist.protocol.command.Server;
import org.gallerist.protocol.command.Tags;

/**
 * {@link ImageRepository} as exec commands on one session. Every request is sent once more if its connection was
 * lost: reads and updates as they are; an upload, a delete and tag changes read the second answer knowing that the
 * first try may have done the work (the server rejects the same bytes from the same owner as a duplicate).
 */
final class RemoteImages implements ImageRepository {

    private static final byte[] NO_INPUT = new byte[0];

    private final SshGalleristSession session;

    RemoteImages(SshGalleristSession session) {
        this.session = session;
    }

    @Override
    public Upload upload(NewImage image, byte[] content) {
        List<String> command = session.words(Images.Add.of(image));
        return session.request(true, again -> {
            try {
                return SshGalleristSession.single(session.lines(command, content), "images add").as(Upload.class);
            } catch (GalleristException e) {
                Optional<Long> existing = e.longDetail(GalleristException.EXISTING_ID);
                if (again && e.code() == ErrorCode.DUPLICATE && existing.isPresent()) {
                    // the first try stored it; its answer, with what the server noticed then, was lost
                    return new Upload(show(existing.get()), List.of(), List.of());
                }
                throw e;
            }
        });
    }

    @Override
    public List<SimilarImage> similar(byte[] query, int limit, List<String> tags) {
        return session.exec(new Images.Similar(null, limit, tags), query).stream()
                .map(line -> line.as(SimilarImage.class)).toList();
    }

    @Override
    public List<SimilarImage> similarTo(long id, int limit, List<String> tags) {
        return session.exec(new Images.Similar(id, limit, tags), NO_INPUT).stream()
                .map(line -> line.as(SimilarImage.class)).toList();
    }

    @Override
    public SimilarityService.Status similarityStatus() {
        return session.single(new Server.Info(), NO_INPUT, SimilarityService.Status.class);
    }

    @Override
    public List<ImportResult> importTar(ImportDefaults defaults, Path tar) {
        List<String> command = session.words(Images.Import.of(defaults));
        List<WireJson.Line> lines;
        try (InputStream archive = Files.newInputStream(tar)) {
            // Sent again only if the first try never reached the server: the archive was not read then.
            lines = session.request(false, again -> session.linesEvenIfFailed(command, archive));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + tar, e);
        }
        List<ImportResult> results = new ArrayList<>();
        for (WireJson.Line line : lines) {
            Replies.ImportOutcome outcome = line.as(Replies.ImportOutcome.class);
            results.add(outcome.image() != null
                    ? new ImportResult(outcome.file(), outcome.image().image(), null, "")
                    : new ImportResult(outcome.file(), null, outcome.error(), String.valueOf(outcome.message())));
        }
        return results;
    }

    @Override
    public Page<Image> list(ImageQuery query) {
        List<Image> images = new ArrayList<>();
        String next = null;
        for (WireJson.Line line : session.exec(Images.List.of(query), NO_INPUT)) {
            if (line.has("next")) {
                next = line.as(Replies.NextPage.class).next();
            } else {
                images.add(line.as(Image.class));
            }
        }
        return new Page<>(images, next);
    }

    @Override
    public Image show(long id) {
        return details(id).image();
    }

    @Override
    public ImageDetails details(long id) {
        return session.single(new Images.Show(id), NO_INPUT, ImageDetails.class);
    }

    @Override
    public byte[] content(long id, ImageSize size) {
        return session.bytes(new Images.Get(id, size));
    }

    @Override
    public Image update(long id, ImageChanges changes) {
        return session.single(Images.Update.of(id, changes), NO_INPUT, Image.class); // sets values: safe twice
    }

    @Override
    public List<Image> update(List<Long> ids, ImageChanges changes) {
        return session.exec(Images.Update.of(ids, changes), NO_INPUT).stream().map(line -> line.as(Image.class))
                .toList();
    }

    @Override
    public List<DeleteResult> delete(List<Long> ids) {
        List<String> command = session.words(new Images.Delete(ids));
        return session.request(true, again -> {
            List<DeleteResult> results = new ArrayList<>();
            for (WireJson.Line line : session.linesEvenIfFailed(command, new ByteArrayInputStream(NO_INPUT))) {
                results.add(deleteResult(line.as(Replies.DeleteOutcome.class), again));
            }
            return results;
        });
    }

    /** On the second try an image that is gone was deleted by the first, whose answer was lost. */
    private static DeleteResult deleteResult(Replies.DeleteOutcome outcome, boolean again) {
        long id = outcome.id() instanceof Number number ? number.longValue() : -1;
        if (outcome.deleted() || again && outcome.error() == ErrorCode.NOT_FOUND) {
            return new DeleteResult(id, true, null, "");
        }
        return new DeleteResult(id, false, outcome.error() == null ? ErrorCode.INTERNAL : outcome.error(),
                String.valueOf(outcome.message()));
    }

    @Override
    public List<TagCount> tags() {
        return session.exec(new Tags.List(), NO_INPUT).stream().map(line -> line.as(TagCount.class)).toList();
    }

    @Override
    public void renameTag(String from, String to) {
        session.goneOnSecondTry(session.words(new Tags.Rename(from, to)));
    }

    @Override
    public void deleteTag(String tag) {
        session.goneOnSecondTry(session.words(new Tags.Delete(tag)));
    }
}
