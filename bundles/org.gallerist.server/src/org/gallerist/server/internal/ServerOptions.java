package org.gallerist.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import picocli.CommandLine;

/**
 * The server's settings, from (lowest to highest precedence) built-in defaults, the optional
 * {@code gallerist.properties} file in the configuration folder (the data folder unless {@code --config} names
 * another), and the command line.
 *
 * @param configDir    where {@code gallerist.properties} and {@code config/} are
 * @param hostKey      the OpenSSH key file the server identifies itself with, or null for the data folder's own
 * @param database     the PostgreSQL database ({@code jdbc:postgresql://...}) the rows live in, or null for the
 *                     embedded Derby in the data folder
 * @param blobs        the bucket the image files live in ({@code s3://BUCKET[/PREFIX]}), or null for the data folder
 * @param s3Endpoint   the S3-compatible store's URL, or null for AWS S3
 * @param model        an ONNX image model to run instead of the built-in one, or null
 * @param modelEnabled false to run no image model at all (the model-free descriptor serves)
 */
public record ServerOptions(Path dataDir, Path configDir, String host, int port, Path hostKey, String database,
        String blobs, String s3Endpoint, boolean signupEnabled,
        int signupPerHour, Storage storage, Path model, boolean modelEnabled, Requested requested) {

    /** What the command line asked for besides running: only the usage, or only the version. */
    public enum Requested {
        RUN, HELP, VERSION
    }

    /**
     * @param encryptAtRest      image files encrypted in chunks with a key derived from {@code <data>/blob.key};
     *                           encrypted ones stay readable either way
     * @param maxImageMegabytes  upload size limit, in MiB
     * @param maxImageMegapixels pixel limit, checked from the header before decoding
     */
    public record Storage(boolean encryptAtRest, int maxImageMegabytes, int maxImageMegapixels) {
        public static final Storage DEFAULTS = new Storage(false, 50, 50);

        public Storage {
            if (maxImageMegabytes < 1 || maxImageMegapixels < 1) {
                throw new IllegalArgumentException("maxImageMegabytes and maxImageMegapixels must be at least 1.");
            }
        }
    }

    public static final String CONFIG_FILE = "gallerist.properties";
    private static final String POSTGRES_URL = "jdbc:postgresql://";
    /** Class labels looked for beside the model file, for suggested tags. */
    public static final String MODEL_LABELS = "imagenet_labels.txt";
    public ServerOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("The port must be between 0 and 65535, not " + port + ".");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("The host must not be empty.");
        }
        if (signupPerHour < 1) {
            throw new IllegalArgumentException("signupPerHour must be at least 1.");
        }
        if (database != null && !database.startsWith(POSTGRES_URL)) {
            throw new IllegalArgumentException("--database takes a PostgreSQL JDBC URL, " + POSTGRES_URL
                    + "HOST[:PORT]/DATABASE; without it the rows stay in the data folder's embedded Derby.");
        }
        if (blobs != null && !blobs.matches("s3://[^/\\s]+(/\\S*)?")) {
            throw new IllegalArgumentException("--blobs takes s3://BUCKET[/PREFIX]; without it the image files stay in"
                    + " the data folder.");
        }
        if (s3Endpoint != null && (blobs == null || !s3Endpoint.matches("https?://\\S+"))) {
            throw new IllegalArgumentException(blobs == null ? "--s3-endpoint needs --blobs s3://BUCKET."
                    : "--s3-endpoint takes the store's http:// or https:// URL.");
        }
        if (blobs != null && storage.encryptAtRest()) {
            throw new IllegalArgumentException("Encryption at rest is not available for image files in S3 yet:"
                    + " leave out --encrypt-at-rest, or the files in the data folder (without --blobs); a bucket of"
                    + " its own can encrypt them (SSE-S3).");
        }
    }

    /**
     * Parses the application arguments; {@code userHome} supplies the default data folder.
     *
     * @throws IllegalArgumentException for an unknown option, a missing or mistyped value, or an unusable setting
     */
    public static ServerOptions parse(List<String> args, Path userHome) throws IOException {
        ServerCommandLine given = new ServerCommandLine();
        CommandLine line = new CommandLine(given);
        try {
            line.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Requested requested = line.isUsageHelpRequested() ? Requested.HELP
                : line.isVersionHelpRequested() ? Requested.VERSION : Requested.RUN;
        Path dataDir = given.dataDir != null ? given.dataDir : userHome.resolve(".gallerist").resolve("server");
        String host = given.host;
        Integer port = given.port;
        Boolean signup = given.noSignup ? false : null;
        Boolean encrypt = given.encryptAtRest ? true : null;
        Path model = given.model == null ? null : given.model.toAbsolutePath();
        if (given.noModel && model != null) {
            throw new IllegalArgumentException("--model and --no-model contradict each other; give one.");
        }
        if (port != null && (port < 0 || port > 65535)) {
            throw new IllegalArgumentException("The port must be between 0 and 65535, not " + port + ".");
        }
        Path configDir = (given.configDir != null ? given.configDir : dataDir).toAbsolutePath().normalize();
        Properties file = load(configDir.resolve(CONFIG_FILE));
        if (model == null && !file.getProperty("model", "").isBlank()) {
            // relative to the folder the properties file is in
            model = configDir.resolve(file.getProperty("model").strip());
        }
        Path hostKey = given.hostKey != null ? given.hostKey.toAbsolutePath()
                : file.getProperty("hostKeyFile", "").isBlank() ? null
                : configDir.resolve(file.getProperty("hostKeyFile").strip());
        String database = given.database != null ? given.database.strip()
                : file.getProperty(Settings.DATABASE, "").strip();
        String blobs = given.blobs != null ? given.blobs.strip() : file.getProperty(Settings.OBJECT_STORE, "").strip();
        String s3Endpoint = given.s3Endpoint != null ? given.s3Endpoint.strip()
                : file.getProperty("s3Endpoint", "").strip();
        return new ServerOptions(dataDir.toAbsolutePath().normalize(), configDir,
                host != null ? host : file.getProperty("host", "127.0.0.1"),
                port != null ? port : parsePort(file.getProperty("port", "2222")),
                hostKey == null ? null : hostKey.normalize(), database.isEmpty() ? null : database,
                blobs.isEmpty() ? null : blobs, s3Endpoint.isEmpty() ? null : s3Endpoint,
                signup != null ? signup : Boolean.parseBoolean(file.getProperty("signupEnabled", "true")),
                parseInt(file.getProperty("signupPerHour", "20"), "signupPerHour"),
                new Storage(encrypt != null ? encrypt : Boolean.parseBoolean(file.getProperty("encryptAtRest", "false")),
                        parseInt(file.getProperty("maxImageMegabytes", "50"), "maxImageMegabytes"),
                        parseInt(file.getProperty("maxImageMegapixels", "50"), "maxImageMegapixels")),
                model == null ? null : model.normalize(),
                !given.noModel && Boolean.parseBoolean(file.getProperty("useModel", "true").strip()), requested);
    }

    /** The usage text of {@code --help}, generated from the options. */
    public static String usage() {
        return new CommandLine(new ServerCommandLine()).getUsageMessage();
    }

    /** The server's settings by name, before they are split onto the components' PIDs ({@link Settings}). */
    public Dictionary<String, Object> toConfiguration() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("dataDir", dataDir.toString());
        properties.put("host", host);
        properties.put("port", port);
        properties.put("hostKeyFile", hostKey == null ? "" : hostKey.toString());
        if (database != null) {
            properties.put(Settings.DATABASE, database);
        }
        if (blobs != null) {
            properties.put(Settings.OBJECT_STORE, blobs);
            if (s3Endpoint != null) {
                properties.put("s3Endpoint", s3Endpoint);
            }
        }
        properties.put("signupEnabled", signupEnabled);
        properties.put("signupPerHour", signupPerHour);
        properties.put("encryptAtRest", storage.encryptAtRest());
        properties.put("maxImageBytes", storage.maxImageMegabytes() * 1024L * 1024L);
        properties.put("maxImagePixels", storage.maxImageMegapixels() * 1_000_000L);
        return properties;
    }

    /**
     * The properties of the {@code org.gallerist.similarity.onnx} configuration, when they differ from its defaults
     * (the built-in model): no model at all, or a model file and the labels beside it if there are any. Every other
     * setting keeps its default, which is what SqueezeNet needs.
     */
    public Optional<Dictionary<String, Object>> modelConfiguration() {
        Hashtable<String, Object> properties = new Hashtable<>();
        if (!modelEnabled) {
            properties.put("modelEnabled", false);
            return Optional.of(properties);
        }
        if (model == null) {
            return Optional.empty();
        }
        properties.put("modelFile", model.toString());
        Path labels = model.resolveSibling(MODEL_LABELS);
        if (Files.isRegularFile(labels)) {
            properties.put("labelFile", labels.toString());
        }
        return Optional.of(properties);
    }

    /** Every configuration to create, one per component PID, the data folder's last ({@link Settings#byPid}). */
    public Map<String, Dictionary<String, Object>> configurations() {
        Map<String, Object> settings = new LinkedHashMap<>();
        Dictionary<String, Object> flat = toConfiguration();
        for (String key : Collections.list(flat.keys())) {
            settings.put(key, flat.get(key));
        }
        modelConfiguration().ifPresent(model -> Collections.list(model.keys())
                .forEach(key -> settings.put(key, model.get(key))));
        return Settings.byPid(settings);
    }

    private static int parsePort(String text) {
        return parseInt(text, "port");
    }

    private static int parseInt(String text, String what) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The " + what + " must be a number, not '" + text + "'.");
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
        }
        return properties;
    }
}
