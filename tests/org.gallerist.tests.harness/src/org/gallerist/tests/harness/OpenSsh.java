package org.gallerist.tests.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stock OpenSSH against a test server, as a shell user runs it: no user configuration, no agent, batch mode, a
 * known_hosts of its own that learns the host key on first use. Made by {@link GalleristServerExtension#openSsh}.
 */
public final class OpenSsh {

    private static final long TIMEOUT_SECONDS = 60;

    /** A user signed up through {@code ssh signup@host signup NAME} with a new ed25519 key. */
    public record User(String name, SshKeys.KeyPair key, String ssh) {
    }

    private final int port;
    private final Path knownHosts;
    private final Path dir;

    OpenSsh(int port, Path knownHosts, Path dir) {
        this.port = port;
        this.knownHosts = knownHosts;
        this.dir = dir;
    }

    /** Skips the test where the OpenSSH client (or one of {@code alsoNeeded}, e.g. {@code tar}) is not installed. */
    public static void assumeInstalled(String... alsoNeeded) {
        List<String> needed = new ArrayList<>(List.of("ssh", "ssh-keygen"));
        needed.addAll(Arrays.asList(alsoNeeded));
        assumeTrue(needed.stream().allMatch(Processes::available), "the OpenSSH client (ssh, ssh-keygen)"
                + (alsoNeeded.length == 0 ? "" : " or " + String.join(", ", alsoNeeded)) + " is not installed");
    }

    /** {@code ssh} and the options every call passes, without identity and destination. */
    public List<String> options() {
        return List.of("ssh", "-F", "none", "-p", String.valueOf(port), "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=accept-new", "-o", "UserKnownHostsFile=" + knownHosts,
                "-o", "ConnectTimeout=10", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none");
    }

    /** {@link #options()} as the start of a shell command line. */
    public String prefix() {
        return String.join(" ", options());
    }

    /**
     * Runs {@code ssh user@127.0.0.1 command...} without a shell; {@code identity} null logs in without a key
     * (as the {@code signup} user does), {@code stdin} null sends nothing.
     */
    public Processes.Result run(String user, Path identity, String stdin, String... command) throws Exception {
        List<String> args = new ArrayList<>(options());
        if (identity != null) {
            args.addAll(List.of("-i", identity.toString()));
        } else {
            args.addAll(List.of("-o", "PubkeyAuthentication=no"));
        }
        args.add(user + "@127.0.0.1");
        args.addAll(List.of(command));
        return Processes.run(args, stdin, TIMEOUT_SECONDS);
    }

    /** Runs a POSIX shell script in the test's folder (relative file names, pipes and redirections). */
    public Processes.Result shell(String script) throws Exception {
        return Processes.shell(script, dir, TIMEOUT_SECONDS);
    }

    /**
     * Signs {@code name} up with a new ed25519 key (in {@code keys/} of the test's folder) by piping the password
     * and key into {@code ssh signup@127.0.0.1 signup NAME}; the user's {@link User#ssh()} command line ends in
     * {@code -i KEY NAME@127.0.0.1}, ready for a command.
     */
    public User signedUp(String name) throws Exception {
        SshKeys.KeyPair key = SshKeys.generate(dir.resolve("keys"), name, "ed25519");
        Path input = Files.writeString(dir.resolve("signup.txt"),
                GalleristServerExtension.PASSWORD + "\n" + key.publicLine() + "\n");
        String script = prefix() + " -o PubkeyAuthentication=no signup@127.0.0.1 signup " + name + " < " + input;
        Processes.Result result = shell(script);
        assertEquals(0, result.exitCode(), script + "\n" + result.stderr());
        return new User(name, key, prefix() + " -i " + key.privateKey() + " " + name + "@127.0.0.1");
    }
}
