package org.gallerist.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** What an upload reports about similar images (PID {@code org.gallerist.similarity}). */
@ObjectClassDefinition(id = SimilarityConfig.PID, name = "Gallerist upload analysis",
        description = "Near duplicates and suggested tags reported when an image is uploaded")
public @interface SimilarityConfig {

    String PID = "org.gallerist.similarity";

    @AttributeDefinition(description = "Cosine similarity from which an upload reports another image as a near"
            + " duplicate", min = "0", max = "1")
    double nearDuplicateThreshold() default 0.92;

    @AttributeDefinition(description = "At most this many near duplicates and suggested tags per upload", min = "0")
    int uploadHints() default 5;
}
