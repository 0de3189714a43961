package org.gallerist.transport.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.GsonBuilder;

/** p50 and p99 of each request, and how far its p50 lies above the floor ({@code ping}) of the same client. */
final class LatencyTable {

    private static final String FLOOR = "ping (floor)";

    private LatencyTable() {
    }

    static String markdown(Map<String, long[]> nanos, int rounds) {
        StringBuilder table = new StringBuilder("| client | request | p50 ms | p99 ms | p50 above the floor, ms |\n"
                + "|---|---|---:|---:|---:|\n");
        nanos.forEach((name, samples) -> {
            String client = client(name);
            double floor = percentile(nanos.get(client + ": " + FLOOR), 50);
            table.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %s |%n", client, request(name),
                    percentile(samples, 50), percentile(samples, 99), name.endsWith(FLOOR) ? "" : String.format(
                            Locale.ROOT, "%+.2f", percentile(samples, 50) - floor)));
        });
        return table.append(String.format(Locale.ROOT, "%n%d rounds.%n", rounds)).toString();
    }

    record Row(String client, String request, double p50Ms, double p99Ms) {
    }

    record Report(int rounds, List<Row> requests) {
    }

    static String json(Map<String, long[]> nanos, int rounds) {
        List<Row> rows = nanos.entrySet().stream().map(entry -> new Row(client(entry.getKey()),
                request(entry.getKey()), percentile(entry.getValue(), 50), percentile(entry.getValue(), 99))).toList();
        return new GsonBuilder().setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
                .setPrettyPrinting().create().toJson(new Report(rounds, rows)) + "\n";
    }

    private static String client(String name) {
        return name.substring(0, name.indexOf(": "));
    }

    private static String request(String name) {
        return name.substring(name.indexOf(": ") + 2);
    }

    /** In milliseconds, nearest rank. */
    static double percentile(long[] samples, int percent) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, rank)] / 1e6;
    }
}
