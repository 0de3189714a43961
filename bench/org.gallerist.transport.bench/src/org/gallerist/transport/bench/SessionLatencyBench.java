package org.gallerist.transport.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.core.CoreModuleProperties;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.ImageQuery;
import org.gallerist.api.image.ImageSize;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Small requests on one logged-in SSH session, each against the no-op {@code ping} in the same run (the floor): the
 * real server bundles on loopback, 60 images, and three clients side by side: Gallerist's own client (as the
 * desktop client uses it), and a raw Mina client with and without TCP_NODELAY, which shows what Nagle's algorithm
 * costs when only one end turns it off. Each round runs every request of every client once, in a rotating order,
 * so that load from elsewhere falls on all alike. Writes {@code session-latency.md} and {@code .json} to target.
 */
class SessionLatencyBench {

    private static final int IMAGES = 60;
    private static final int WARM_UP_ROUNDS = 30;

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false);

    @Test
    void smallRequestsOnOneSessionAgainstTheFloor() throws Exception {
        int rounds = Integer.getInteger("gallerist.bench.rounds", 400);
        GalleristSession alice = server.signedUp("alice");
        long id = 0;
        for (int i = 0; i < IMAGES; i++) {
            id = alice.images().add(BenchImages.newImage(i), BenchImages.png(i)).id();
        }
        long shown = id;
        Map<String, Request> requests = new LinkedHashMap<>();
        requests.put("ours: ping (floor)", () -> alice.exec(List.of("ping"), new byte[0]));
        requests.put("ours: whoami", alice::whoami);
        requests.put("ours: images list --limit 60", () -> alice.images().list(new ImageQuery(List.of(), false,
                "", false, 60, null)));
        requests.put("ours: images show ID", () -> alice.images().show(shown));
        requests.put("ours: images get ID --size thumb", () -> alice.images().content(shown, ImageSize.THUMB));
        try (RawSession noDelay = RawSession.logIn(client(true), server.address().port(), "alice");
                RawSession nagle = RawSession.logIn(client(false), server.address().port(), "alice")) {
            for (RawSession raw : List.of(noDelay, nagle)) {
                String side = raw == noDelay ? "raw Mina, TCP_NODELAY: " : "raw Mina, Nagle on: ";
                requests.put(side + "ping (floor)", () -> raw.run("ping"));
                requests.put(side + "whoami", () -> raw.run("whoami"));
                requests.put(side + "images list --limit 60", () -> raw.run("images list --limit 60"));
                requests.put(side + "images show ID", () -> raw.run("images show " + shown));
                requests.put(side + "images get ID --size thumb", () -> raw.run("images get " + shown
                        + " --size thumb"));
            }
            Map<String, long[]> nanos = measure(requests, rounds, WARM_UP_ROUNDS);
            String table = LatencyTable.markdown(nanos, rounds);
            System.out.println("Small requests on one session, " + rounds + " rounds (" + Runtime.getRuntime()
                    .availableProcessors() + " cores, " + System.getProperty("java.vm.name") + " "
                    + Runtime.version() + ")");
            System.out.print(table);
            Path target = Path.of(System.getProperty("gallerist.test.output", "target"));
            Files.createDirectories(target);
            Files.writeString(target.resolve("session-latency.md"), table, StandardCharsets.UTF_8);
            Files.writeString(target.resolve("session-latency.json"), LatencyTable.json(nanos, rounds),
                    StandardCharsets.UTF_8);
        }
    }

    @FunctionalInterface
    interface Request {
        Object run() throws Exception;
    }

    /** Every request once per round, in an order rotating by round, after {@code warmUpRounds} not counted. */
    static Map<String, long[]> measure(Map<String, Request> requests, int rounds, int warmUpRounds)
            throws Exception {
        List<String> names = new ArrayList<>(requests.keySet());
        Map<String, long[]> nanos = new LinkedHashMap<>();
        names.forEach(name -> nanos.put(name, new long[rounds]));
        for (int round = -warmUpRounds; round < rounds; round++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(Math.floorMod(i + round, names.size()));
                long start = System.nanoTime();
                requests.get(name).run();
                long took = System.nanoTime() - start;
                if (round >= 0) {
                    nanos.get(name)[round] = took;
                }
            }
        }
        return nanos;
    }

    private static SshClient client(boolean noDelay) {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        CoreModuleProperties.TCP_NODELAY.set(client, noDelay);
        client.start();
        return client;
    }

    static IOException failed(String command, String why) {
        return new IOException("'" + command + "' failed: " + why);
    }
}
