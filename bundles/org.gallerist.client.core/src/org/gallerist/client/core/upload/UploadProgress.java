package org.gallerist.client.core.upload;

import java.util.List;

/**
 * How far the running (or last) upload got: how many files it sends (0 before the first upload), a line saying what
 * it does now, and the results of the files done so far.
 */
public record UploadProgress(int filesSent, String text, List<FileResult> results) {

    public UploadProgress {
        results = List.copyOf(results);
    }
}
