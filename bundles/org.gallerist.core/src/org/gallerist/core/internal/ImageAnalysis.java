package org.gallerist.core.internal;

import java.awt.image.BufferedImage;
import java.util.List;

import org.gallerist.api.User;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.Upload;

/**
 * How the image repository keeps similarity search up to date: it asks for an analysis of each upload's preview pixels
 * before the row commits, and reports every change after it committed.
 */
public interface ImageAnalysis {

    /**
     * An upload's vector and what it told us; {@link #NONE} when no embedder ran.
     *
     * @param seen the model's labels with their synonyms, stored with the vector
     */
    record Analysis(String embedderId, float[] vector, List<Upload.NearDuplicate> nearDuplicates,
            List<String> suggestedTags, List<String> seen) {
        public static final Analysis NONE = new Analysis("", new float[0], List.of(), List.of(), List.of());
    }

    /**
     * The short side of the image {@link #analyse} wants (see
     * {@link org.gallerist.spi.imaging.ImageProcessor#prepare(java.nio.file.Path, long, int)}), or 0 while no embedder
     * runs, so that no upload makes one for nothing.
     */
    int analysisShortSide();

    /**
     * Never fails: a failing embedder means no analysis, and the background re-index tries again later.
     *
     * @param pixels the upload's analysis image; {@code null} gives {@link Analysis#NONE}
     */
    Analysis analyse(User caller, BufferedImage pixels);

    void added(Image image, Analysis analysis);

    /** What the active embedder's model saw in a stored image, best first; empty without labels. */
    List<String> seen(long id);

    /** Owner, visibility or tags may have changed. */
    void changed(Image image);

    void removed(long id);

    void tagRenamed(String from, String to);

    void tagDeleted(String tag);
}
