package org.gallerist.blobs.s3.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The S3 blob store's settings (PID {@code org.gallerist.blobs.s3}); its configuration exists only when the image
 * files are to live in an object store instead of the data folder.
 */
@ObjectClassDefinition(id = S3Config.PID, name = "Gallerist image files in S3",
        description = "Image files in an S3-compatible object store shared by every node of the shop")
public @interface S3Config {

    String PID = "org.gallerist.blobs.s3";

    @AttributeDefinition(description = "s3://BUCKET[/PREFIX]: the bucket, which must exist (the server does not"
            + " create it), and a folder-like prefix for the files inside it")
    String blobs();

    @AttributeDefinition(description = "The store's URL for another S3-compatible store than AWS (MinIO, Ceph,"
            + " S3Proxy...), requests in path style; empty: AWS S3 in the region")
    String s3Endpoint() default "";

    @AttributeDefinition(description = "The region; empty: AWS_REGION from the environment, else us-east-1")
    String region() default "";

    @AttributeDefinition(description = "The access key id; empty: AWS_ACCESS_KEY_ID from the environment")
    String accessKeyId() default "";

    @AttributeDefinition(description = "The secret access key; empty: AWS_SECRET_ACCESS_KEY from the environment",
            type = AttributeType.PASSWORD)
    String secretAccessKey() default "";
}
