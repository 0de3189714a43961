package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.client.session.ClientSession;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.OpenSsh;
import org.gallerist.tests.harness.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The attack of issue 11 on the default settings, from other loopback addresses than the honest user's: channels
 * parked in {@code orders place} without input (three accounts, up to 240 channels), 24 threads guessing one
 * account's password from 24 addresses, and 150 connections holding the pre-login stage open from 10 addresses.
 * Meanwhile an honest OpenSSH user (with a key, from 127.0.0.1) asks for {@code images list} every half second.
 * Every honest request must be answered, and at most 20 guesses a minute may be checked against the account. The
 * latencies go to {@code target/hostile-load.json} (docs/security.md quotes them); they are reported, not asserted.
 */
class HostileLoadTest {

    private static final Duration ATTACK = Duration.ofSeconds(45);
    private static final String PASSWORD = new String(GalleristServerExtension.password());

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh();

    private final AtomicBoolean attacking = new AtomicBoolean(true);
    private final AtomicInteger parkedChannels = new AtomicInteger();
    private final AtomicInteger heldConnections = new AtomicInteger();
    private final AtomicInteger guessesSent = new AtomicInteger();

    @Test
    void honestRequestsAreAnsweredWhileTheServerIsUnderAttack() throws Exception {
        OpenSsh.assumeInstalled();
        OpenSsh ssh = server.openSsh();
        OpenSsh.User honest = ssh.signedUp("honest");
        server.signUp("victim");
        List<String> parkers = List.of("parker1", "parker2", "parker3");
        parkers.forEach(server::signUp);
        int port = server.address().port();

        ExecutorService attackers = Executors.newCachedThreadPool();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();
        try (MinaSsh mina = new MinaSsh(port)) {
            for (int i = 0; i < parkers.size(); i++) {
                String account = parkers.get(i);
                String source = "127.0.0." + (10 + i);
                for (int s = 0; s < 8; s++) {
                    // logged in one after the other: one password check per account runs at a time
                    ClientSession session = mina.logIn(source, account, PASSWORD);
                    attackers.execute(() -> parkChannels(mina, session, source, account));
                }
            }
            for (int i = 1; i <= 24; i++) {
                String source = "127.0.1." + i;
                attackers.execute(() -> guessPasswords(mina, source));
            }
            for (int i = 1; i <= 10; i++) {
                String source = "127.0.2." + i;
                for (int c = 0; c < 15; c++) {
                    attackers.execute(() -> holdPreLogin(source, port));
                }
            }
            Thread.sleep(5_000); // let the attack build up

            long end = System.nanoTime() + ATTACK.toNanos();
            int asked = 0;
            while (System.nanoTime() < end) {
                long start = System.nanoTime();
                Processes.Result result = ssh.shell(honest.ssh() + " images list --limit 5");
                long millis = (System.nanoTime() - start) / 1_000_000;
                asked++;
                if (result.exitCode() == 0) {
                    latencies.add(millis);
                } else {
                    failed.add(result.exitCode() + ": " + result.stderr().strip());
                }
                Thread.sleep(Math.max(0, 500 - millis));
            }
            attacking.set(false);
            attackers.shutdownNow();
            attackers.awaitTermination(30, TimeUnit.SECONDS);

            long checked = countLines(server.dataDir().resolve("logs/gallerist.log"), "Wrong password for \"victim\"");
            double minutes = (ATTACK.toSeconds() + 5) / 60.0;
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            String report = String.format(Locale.ROOT, "{\"asked\": %d, \"answered\": %d, \"p50_ms\": %d,"
                    + " \"p99_ms\": %d, \"max_ms\": %d, \"guesses_sent\": %d, \"guesses_checked\": %d,"
                    + " \"guesses_checked_per_minute\": %.1f, \"parked_channels_peak\": %d,"
                    + " \"held_connections_peak\": %d}%n", asked, sorted.size(), percentile(sorted, 50),
                    percentile(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1), guessesSent.get(),
                    checked, checked / minutes, peakParked, peakHeld);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "hostile-load.json"), report);
            System.out.print("hostile load: " + report);

            assertEquals(List.of(), List.copyOf(failed), "every honest request is answered");
            assertTrue(asked >= 20, "the honest user asked " + asked + " times");
            assertTrue(checked / minutes <= 20, "guesses checked per minute: " + report);
            assertTrue(guessesSent.get() > checked * 5, "the flood really ran: " + report);
        } finally {
            attacking.set(false);
            attackers.shutdownNow();
        }
    }

    private volatile int peakParked;
    private volatile int peakHeld;

    /** One attacker session keeps up to 10 channels waiting in {@code orders place}, reopening what closes. */
    private void parkChannels(MinaSsh mina, ClientSession first, String source, String account) {
        ClientSession next = first;
        while (attacking.get()) {
            List<MinaSsh.Exec> open = new ArrayList<>();
            try (ClientSession session = next != null ? next : mina.logIn(source, account, PASSWORD)) {
                next = null;
                while (attacking.get() && session.isOpen()) {
                    int before = open.size();
                    open.removeIf(exec -> !exec.channel().isOpen());
                    parkedChannels.addAndGet(open.size() - before);
                    while (open.size() < 10 && attacking.get()) {
                        open.add(MinaSsh.exec(session, "orders place"));
                        peakParked = Math.max(peakParked, parkedChannels.incrementAndGet());
                    }
                    Thread.sleep(200);
                }
            } catch (Exception refusedOrClosed) {
                next = null;
                pause(200);
            } finally {
                parkedChannels.addAndGet(-open.size());
            }
        }
    }

    private void guessPasswords(MinaSsh mina, String source) {
        int n = 0;
        while (attacking.get()) {
            try {
                guessesSent.incrementAndGet();
                mina.tryPassword(source, "victim", "guess-" + source + "-" + n++);
            } catch (Exception refused) {
                pause(50);
            }
        }
    }

    private void holdPreLogin(String source, int port) {
        while (attacking.get()) {
            try (Socket socket = MinaSsh.holdPreLogin(source, port)) {
                if (socket == null) {
                    pause(500);
                    continue;
                }
                peakHeld = Math.max(peakHeld, heldConnections.incrementAndGet());
                try {
                    MinaSsh.closedByServer(socket, Duration.ofSeconds(120));
                } finally {
                    heldConnections.decrementAndGet();
                }
            } catch (IOException refused) {
                pause(500);
            }
        }
    }

    private static long countLines(Path log, String text) throws IOException {
        return Files.readAllLines(log).stream().filter(line -> line.contains(text)).count();
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
