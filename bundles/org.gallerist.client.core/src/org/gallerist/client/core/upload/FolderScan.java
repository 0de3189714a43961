package org.gallerist.client.core.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The image files of a folder and its subfolders, by extension, in a stable order (by path), for a folder import.
 * Hidden files and folders are left out, symbolic links are not followed, and at most {@link #MAX_FILES} are taken.
 */
public final class FolderScan {
    /** More than this is a catalogue for {@code images import} (a tar), not for one dialog. */
    public static final int MAX_FILES = 5000;
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "gif", "webp", "tif", "tiff",
            "bmp", "heic", "heif", "avif");

    /** What was found: the image files, how many other files were left out, and whether the cap cut the list. */
    public record Found(List<Path> images, int otherFiles, boolean truncated) {
        public Found {
            images = List.copyOf(images);
        }

        public String summary() {
            return images.size() + (images.size() == 1 ? " image" : " images") + " found"
                    + (otherFiles == 0 ? "" : ", " + otherFiles + " other files left out")
                    + (truncated ? "; only the first " + MAX_FILES + " are taken" : "") + ".";
        }
    }

    private FolderScan() {
    }

    public static boolean isImageFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Walks {@code folder}; {@code cancelled} is asked between entries. Blocks on the disk: run it in a job. */
    public static Found scan(Path folder, BooleanSupplier cancelled) {
        List<Path> images = new ArrayList<>();
        int[] others = { 0 };
        boolean[] truncated = { false };
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return !dir.equals(folder) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (cancelled.getAsBoolean()) {
                        return FileVisitResult.TERMINATE;
                    }
                    if (!attributes.isRegularFile() || hidden(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (!isImageFile(file)) {
                        others[0]++;
                    } else if (images.size() < MAX_FILES) {
                        images.add(file);
                    } else {
                        truncated[0] = true;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // an unreadable subfolder is left out, not the whole import
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the folder " + folder, e);
        }
        images.sort(null);
        return new Found(images, others[0], truncated[0]);
    }

    private static boolean hidden(Path path) {
        return path.getFileName() != null && path.getFileName().toString().startsWith(".");
    }
}
