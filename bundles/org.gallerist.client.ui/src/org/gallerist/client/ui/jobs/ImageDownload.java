package org.gallerist.client.ui.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.gallerist.api.image.ImageSize;
import org.gallerist.client.core.ErrorMessages;

/** Fetches one size of an image and writes it to a file, in a job; what to tell the user comes back in words. */
public final class ImageDownload {
    private ImageDownload() {
    }

    /** {@code saved} hears the file written; {@code failed} a sentence on what went wrong. */
    public static void save(Background background, long imageId, ImageSize size, Path target, Consumer<Path> saved,
            Consumer<String> failed) {
        background.run("Saving #" + imageId + " to " + target.getFileName(), session -> {
            try {
                return Files.write(target, session.images().content(imageId, size));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + target, e);
            }
        }, saved, error -> failed.accept(error instanceof UncheckedIOException io
                ? io.getMessage() + " (" + io.getCause().getMessage() + ")." : ErrorMessages.readable(error)));
    }
}
