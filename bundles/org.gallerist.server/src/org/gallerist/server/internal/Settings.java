package org.gallerist.server.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The one map from the server's settings (as the launcher, {@code DATA/gallerist.properties} and tests name them) to
 * the configuration PIDs of the components that read them. Each component has its own PID and metatype description;
 * every setting has a default there, so only what differs needs saying.
 */
public final class Settings {

    public static final String DATA = "org.gallerist.data";
    public static final String SSH = "org.gallerist.ssh";
    public static final String BLOBS = "org.gallerist.blobs.file";
    public static final String IMAGES = "org.gallerist.images";
    public static final String SIMILARITY = "org.gallerist.similarity";
    public static final String PLUGINS = "org.gallerist.plugins";
    public static final String ONNX = "org.gallerist.similarity.onnx";
    public static final String QUOTAS = "org.gallerist.quotas";
    public static final String IMPORT = "org.gallerist.import";
    /** The embedded engine's PID: configured (without settings) exactly when {@code database} is not set. */
    public static final String DERBY = "org.gallerist.storage.derby";
    public static final String POSTGRES = "org.gallerist.storage.postgres";
    /** The setting that moves the rows from embedded Derby to a PostgreSQL database (a JDBC URL). */
    public static final String DATABASE = "database";
    public static final String S3 = "org.gallerist.blobs.s3";
    /** The setting that moves the image files from the data folder to an S3 bucket ({@code s3://BUCKET[/PREFIX]}). */
    public static final String OBJECT_STORE = "blobs";

    /**
     * Two components of which exactly one runs: {@code chosen} when {@code setting} is given, else {@code otherwise};
     * both require their configuration, and the one not wanted has it deleted.
     */
    private record Alternative(String setting, String otherwise, String chosen) {
        boolean isChosen(Map<String, ?> settings) {
            Object value = settings.get(setting);
            return value != null && !value.toString().isBlank();
        }

        boolean contains(String pid) {
            return pid.equals(otherwise) || pid.equals(chosen);
        }
    }

    private static final List<Alternative> ALTERNATIVES = List.of(new Alternative(DATABASE, DERBY, POSTGRES),
            new Alternative(OBJECT_STORE, BLOBS, S3));

    /** Every PID a server is configured through, the data folder last: creating it starts the server. */
    public static final List<String> PIDS = List.of(SSH, BLOBS, S3, IMAGES, SIMILARITY, PLUGINS, ONNX, QUOTAS,
            IMPORT, DERBY, POSTGRES, DATA);

    /** The SSH server's limits (docs/security.md), all in its PID. */
    private static final List<String> SSH_LIMITS = List.of("loginGraceSeconds", "maxStartups",
            "maxStartupsPerSource", "maxSessions", "maxSessionsPerAccount", "maxSessionsPerSource",
            "maxChannelsPerSession", "stdinTimeoutSeconds", "commandTimeoutSeconds", "passwordCheckThreads",
            "passwordCheckQueue", "accountFailuresBeforeBlock", "sourceFailuresBeforeBlock", "blockSeconds",
            "maxBlockSeconds", "graceExceededPenaltySeconds", "noAuthPenaltySeconds", "penaltyMinSeconds",
            "penaltyMaxSeconds");

    private static final Map<String, String> PID_OF = withAll(SSH, SSH_LIMITS, Map.ofEntries(Map.entry("dataDir", DATA),
            Map.entry("host", SSH), Map.entry("port", SSH), Map.entry("hostKeyFile", SSH),
            Map.entry("signupEnabled", SSH),
            Map.entry("signupPerHour", SSH), Map.entry("encryptAtRest", BLOBS),
            Map.entry("stagingDir", BLOBS), Map.entry("diskReserveMegabytes", BLOBS), Map.entry("maxImageBytes", IMAGES),
            Map.entry("maxImagePixels", IMAGES), Map.entry("maxConcurrentDecodes", IMAGES),
            Map.entry("decodeWaitMillis", IMAGES), Map.entry("maxImagesPerUser", QUOTAS),
            Map.entry("maxStoredBytesPerUser", QUOTAS), Map.entry("maxImportEntries", IMPORT),
            Map.entry("maxImportEntryBytes", IMPORT), Map.entry("maxImportBytes", IMPORT),
            Map.entry("importWorkers", IMPORT),
            Map.entry("nearDuplicateThreshold", SIMILARITY),
            Map.entry("uploadHints", SIMILARITY), Map.entry("pluginPollMillis", PLUGINS),
            Map.entry("modelEnabled", ONNX), Map.entry("modelFile", ONNX), Map.entry("labelFile", ONNX),
            Map.entry(DATABASE, POSTGRES), Map.entry("maxConnections", POSTGRES), Map.entry(OBJECT_STORE, S3),
            Map.entry("s3Endpoint", S3), Map.entry("region", S3), Map.entry("accessKeyId", S3),
            Map.entry("secretAccessKey", S3)));

    private Settings() {
    }

    private static Map<String, String> withAll(String pid, List<String> keys, Map<String, String> others) {
        Map<String, String> all = new HashMap<>(others);
        keys.forEach(key -> all.put(key, pid));
        return Map.copyOf(all);
    }

    /** The PID a setting belongs to. */
    public static String pidOf(String setting) {
        String pid = PID_OF.get(setting);
        if (pid == null) {
            throw new IllegalArgumentException("Unknown setting '" + setting + "'; known: " + PID_OF.keySet() + ".");
        }
        return pid;
    }

    /**
     * The settings split into one dictionary per PID, in {@link #PIDS} order (the data folder last); PIDs without a
     * setting are left out, so their components run on their defaults. Of each pair of alternatives, the chosen one
     * is there when its setting is given (PostgreSQL's with {@code database}, S3's with {@code blobs}), else the
     * other, with its settings or none.
     */
    public static Map<String, Dictionary<String, Object>> byPid(Map<String, ?> settings) {
        Map<String, Dictionary<String, Object>> byPid = new LinkedHashMap<>();
        for (String pid : PIDS) {
            Hashtable<String, Object> properties = new Hashtable<>();
            settings.forEach((key, value) -> {
                if (pidOf(key).equals(pid) && value != null) {
                    properties.put(key, value);
                }
            });
            Alternative alternative = alternativeOf(pid);
            if (alternative != null) {
                if (pid.equals(alternative.chosen()) == alternative.isChosen(settings)) {
                    byPid.put(pid, properties);
                }
            } else if (!properties.isEmpty()) {
                byPid.put(pid, properties);
            }
        }
        return byPid;
    }

    private static Alternative alternativeOf(String pid) {
        return ALTERNATIVES.stream().filter(alternative -> alternative.contains(pid)).findFirst().orElse(null);
    }

    /**
     * Writes the configurations in {@link #PIDS} order, so the data folder's, which starts the server, comes last:
     * a component without a setting gets empty properties (its defaults), so nothing of an earlier run lingers. A
     * configuration that would not change is left alone, so its component (the image model, say) is not restarted.
     * Of each pair of alternatives, the one not chosen has its configuration deleted, so exactly one runs.
     */
    public static void apply(ConfigurationAdmin admin, Map<String, Dictionary<String, Object>> byPid)
            throws IOException {
        apply(admin, byPid, Set.of());
    }

    /** Like {@link #apply(ConfigurationAdmin, Map)}, leaving alone the PIDs that a file configures. */
    public static void apply(ConfigurationAdmin admin, Map<String, Dictionary<String, Object>> byPid,
            Set<String> fromFiles) throws IOException {
        for (String pid : PIDS) {
            if (fromFiles.contains(pid) && !pid.equals(DATA)) {
                continue;
            }
            Alternative alternative = alternativeOf(pid);
            if (alternative != null) {
                String other = pid.equals(alternative.chosen()) ? alternative.otherwise() : alternative.chosen();
                if (!byPid.containsKey(pid) || fromFiles.contains(other)) {
                    deleteIfThere(admin, pid);
                    continue;
                }
            }
            Configuration configuration = admin.getConfiguration(pid, "?");
            Dictionary<String, Object> wanted = byPid.getOrDefault(pid, new Hashtable<>());
            if (configuration.getProperties() == null) {
                configuration.update(wanted); // new: even empty properties must be stored to start its component
            } else {
                configuration.updateIfDifferent(wanted);
            }
        }
    }

    private static void deleteIfThere(ConfigurationAdmin admin, String pid) throws IOException {
        try {
            Configuration[] existing = admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + pid + ")");
            for (Configuration unwanted : existing == null ? new Configuration[0] : existing) {
                unwanted.delete();
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // the filter is ours and constant
        }
    }
}
