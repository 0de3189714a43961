package org.gallerist.server.internal;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The server launcher's options as picocli reads them; {@link ServerOptions} merges them with the data folder's file. */
@Command(name = "gallerist-server", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the Gallerist server: images and accounts in DIR, answering over SSH.",
        footer = { "", "Settings may also be put in CONFIG/gallerist.properties (host, port, hostKeyFile, database, blobs,",
                "s3Endpoint, signupEnabled,",
                "signupPerHour, encryptAtRest, maxImageMegabytes, maxImageMegapixels, model, useModel); options",
                "given here win.",
                "Components are configured by CONFIG/config/PID.cfg files, re-read when they change. SIGHUP (systemctl",
                "reload) re-reads gallerist.properties too.", "",
                "The launcher also changes an unpacked installation through p2 (the server need not be stopped):",
                "  gallerist-server update --repository URL [--check] [--allow-unsigned]",
                "  gallerist-server plugins list | install --repository URL FEATURE... | remove FEATURE...",
                "An embedded installation's rows move into PostgreSQL with (server stopped; see migrate --help):",
                "  gallerist-server migrate --from DIR --database jdbc:postgresql://HOST[:PORT]/DB",
                "The console's update URL does the same and restarts the server on the new version." })
final class ServerCommandLine {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder (database, host key, images); default ~/.gallerist/server.")
    Path dataDir;

    @Option(names = "--config", paramLabel = "CONFIG", description = { "Folder of gallerist.properties and config/;",
            "default the data folder (the Debian package uses /etc/gallerist)." })
    Path configDir;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on; default 127.0.0.1.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (0 = any free port); default 2222.")
    Integer port;

    @Option(names = "--host-key", paramLabel = "FILE", description = { "OpenSSH ed25519 private key (mode 600) to",
            "identify the server with, the same on every node; default DIR/ssh_host_ed25519_key, made at first start." })
    Path hostKey;

    @Option(names = "--database", paramLabel = "URL", description = { "Keep the rows in PostgreSQL,",
            "jdbc:postgresql://HOST[:PORT]/DB (user and password as its user= and password= parameters, else PGUSER",
            "and PGPASSWORD, else ~/.pgpass); default the embedded Derby in DIR/db." })
    String database;

    @Option(names = "--blobs", paramLabel = "s3://BUCKET[/PREFIX]", description = { "Keep the image files in an",
            "S3 bucket (login from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, region from AWS_REGION);",
            "default the data folder." })
    String blobs;

    @Option(names = "--s3-endpoint", paramLabel = "URL", description = { "The S3-compatible store's URL (MinIO,",
            "Ceph, S3Proxy...), path-style requests; default AWS S3." })
    String s3Endpoint;

    @Option(names = "--no-signup", description = "Refuse new accounts (the 'signup' login).")
    boolean noSignup;

    @Option(names = "--encrypt-at-rest",
            description = "Encrypt image files at rest (AES-256-GCM in chunks, key in DIR/blob.key: back it up).")
    boolean encryptAtRest;

    @Option(names = "--model", paramLabel = "FILE", description = { "ONNX image model to run instead of the built-in",
            "SqueezeNet 1.1 (labels from imagenet_labels.txt beside it)." })
    Path model;

    @Option(names = "--no-model", description = { "Run no image model: similar-image search uses the built-in",
            "colour/edge/layout descriptor, and uploads get no suggested tags." })
    boolean noModel;
}
