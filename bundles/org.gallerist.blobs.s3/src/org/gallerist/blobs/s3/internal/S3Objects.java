package org.gallerist.blobs.s3.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One bucket (and prefix) of an S3-compatible store, through the AWS SDK's synchronous client over the JDK's
 * HttpURLConnection (no Netty, no Apache client), path-style requests, the login given rather than looked for (no
 * instance metadata service, no profile chain: the server makes no network request it was not configured for).
 * Files go up in parts of {@value #PART_BYTES} bytes, one part in memory at a time.
 */
final class S3Objects implements AutoCloseable {

    static final int PART_BYTES = 8 * 1024 * 1024;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);
    static final String UNAVAILABLE = "The server's image store is unavailable; try again shortly.";

    private final S3Client client;
    private final String bucket;
    private final String prefix;
    private final String where;

    /** The store's settings, resolved: the environment supplies what the configuration leaves empty. */
    record Location(String endpoint, String region, String bucket, String prefix, String accessKeyId,
            String secretAccessKey) {

        static Location of(S3Config config, Map<String, String> environment) {
            String region = !config.region().isBlank() ? config.region()
                    : environment.getOrDefault("AWS_REGION", "us-east-1");
            String id = !config.accessKeyId().isBlank() ? config.accessKeyId()
                    : environment.getOrDefault("AWS_ACCESS_KEY_ID", "");
            String secret = !config.secretAccessKey().isBlank() ? config.secretAccessKey()
                    : environment.getOrDefault("AWS_SECRET_ACCESS_KEY", "");
            String[] bucketAndPrefix = bucketAndPrefix(config.blobs());
            return new Location(config.s3Endpoint().strip(), region, bucketAndPrefix[0], bucketAndPrefix[1], id,
                    secret);
        }

        /** {@code s3://BUCKET[/PREFIX]} as the bucket and the prefix, which ends in '/' unless it is empty. */
        static String[] bucketAndPrefix(String blobs) {
            String url = blobs == null ? "" : blobs.strip();
            if (!url.startsWith("s3://") || url.length() == "s3://".length() || url.charAt(5) == '/') {
                throw new IllegalArgumentException("The image files' place is s3://BUCKET[/PREFIX], not '" + url
                        + "'");
            }
            String rest = url.substring("s3://".length());
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String prefix = slash < 0 ? "" : rest.substring(slash + 1);
            return new String[] { bucket, prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/" };
        }
    }

    S3Objects(Location location) {
        if (location.bucket().isEmpty()) {
            throw new IllegalArgumentException("No bucket is configured for the image files (--blobs s3://BUCKET)");
        }
        if (location.accessKeyId().isEmpty() || location.secretAccessKey().isEmpty()) {
            throw new IllegalArgumentException("No S3 login: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the"
                    + " server's environment");
        }
        this.bucket = location.bucket();
        this.prefix = location.prefix();
        this.where = "s3://" + bucket + "/" + prefix + (location.endpoint().isEmpty() ? ""
                : " at " + location.endpoint());
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT).build())
                .region(Region.of(location.region())).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(location.accessKeyId(), location.secretAccessKey())))
                // the trailing checksums of newer SDKs are not spoken by every S3-compatible store
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (!location.endpoint().isEmpty()) {
            builder.endpointOverride(URI.create(location.endpoint()));
        }
        this.client = builder.build();
    }

    String where() {
        return where;
    }

    /** Fails, in one line, unless the bucket is there and the login may use it. */
    void checkBucket() {
        try {
            client.headBucket(request -> request.bucket(bucket));
        } catch (NoSuchBucketException e) {
            throw new IllegalStateException("The bucket of " + where + " does not exist; create it first");
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new IllegalStateException("The bucket of " + where + " does not exist; create it first");
            }
            throw new IllegalStateException("The object store refused " + where + " (HTTP " + e.statusCode() + "):"
                    + " check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
        } catch (SdkClientException e) {
            throw new IllegalStateException("Cannot reach the object store for " + where + ": " + e.getMessage());
        }
    }

    private String objectKey(String key) {
        return prefix + key.substring(0, 2) + "/" + key;
    }

    private String keyOf(String objectKey) {
        return objectKey.substring(objectKey.lastIndexOf('/') + 1);
    }

    boolean exists(String key) throws IOException {
        try {
            client.headObject(request -> request.bucket(bucket).key(objectKey(key)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw failure(e);
        } catch (SdkException e) {
            throw failure(e);
        }
    }

    void put(String key, byte[] content) throws IOException {
        try {
            client.putObject(request -> request.bucket(bucket).key(objectKey(key)), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw failure(e);
        }
    }

    /** The file as the object {@code key}: in one request up to a part's size, in parts above it. */
    void putFile(String key, Path file, long size) throws IOException {
        try {
            if (size <= PART_BYTES) {
                client.putObject(request -> request.bucket(bucket).key(objectKey(key)), RequestBody.fromFile(file));
                return;
            }
            String upload = client.createMultipartUpload(request -> request.bucket(bucket).key(objectKey(key)))
                    .uploadId();
            try {
                List<CompletedPart> parts = uploadParts(key, upload, file);
                client.completeMultipartUpload(request -> request.bucket(bucket).key(objectKey(key)).uploadId(upload)
                        .multipartUpload(done -> done.parts(parts)));
            } catch (IOException | RuntimeException e) {
                abort(key, upload, e);
                throw e;
            }
        } catch (SdkException e) {
            throw failure(e);
        }
    }

    private List<CompletedPart> uploadParts(String key, String upload, Path file) throws IOException {
        List<CompletedPart> parts = new ArrayList<>();
        ByteBuffer part = ByteBuffer.allocate(PART_BYTES);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int number = 1;; number++) {
                part.clear();
                while (part.hasRemaining() && channel.read(part) != -1) {
                    // fills the part
                }
                if (part.position() == 0) {
                    return parts;
                }
                part.flip();
                int partNumber = number;
                String etag = client.uploadPart(request -> request.bucket(bucket).key(objectKey(key)).uploadId(upload)
                        .partNumber(partNumber), RequestBody.fromByteBuffer(part)).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
            }
        }
    }

    private void abort(String key, String upload, Exception cause) {
        try {
            client.abortMultipartUpload(request -> request.bucket(bucket).key(objectKey(key)).uploadId(upload));
        } catch (SdkException e) {
            cause.addSuppressed(e); // the store drops the parts itself after its own time-out
        }
    }

    InputStream open(String key) throws IOException {
        try {
            return client.getObject(request -> request.bucket(bucket).key(objectKey(key)));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(where + key);
        } catch (SdkException e) {
            throw failure(e);
        }
    }

    void delete(String key) throws IOException {
        try {
            client.deleteObject(request -> request.bucket(bucket).key(objectKey(key)));
        } catch (SdkException e) {
            throw failure(e);
        }
    }

    /** Every object under the prefix: its blob key and when it was last written. */
    void forEach(BiConsumer<String, Instant> action) throws IOException {
        try {
            for (S3Object object : client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix))
                    .contents()) {
                action.accept(keyOf(object.key()), object.lastModified());
            }
        } catch (SdkException e) {
            throw failure(e);
        }
    }

    /** A store that cannot be reached is the user's "unavailable"; what it refused is an I/O failure for the log. */
    private IOException failure(SdkException e) {
        if (e instanceof SdkClientException) {
            throw new GalleristException(ErrorCode.UNAVAILABLE, UNAVAILABLE, e);
        }
        return new IOException("The object store refused a request for " + where + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        client.close();
    }
}
