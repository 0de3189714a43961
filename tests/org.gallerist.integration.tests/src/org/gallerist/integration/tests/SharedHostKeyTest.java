package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.gallerist.tests.harness.OpenSsh;
import org.gallerist.tests.harness.Processes;
import org.gallerist.tests.harness.SshKeys;
import org.gallerist.tests.harness.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nodes of one shop share one host key file (hostKeyFile, the launcher's --host-key): stock OpenSSH, which knows
 * that key for the shop's address, accepts every node as the same host, and refuses a node with a key of its own.
 */
class SharedHostKeyTest {

    @TempDir
    Path folder;

    @Test
    void nodesWithOneHostKeyFileAreOneHostToOpenSsh() throws Exception {
        OpenSsh.assumeInstalled();
        SshKeys.KeyPair shared = SshKeys.generate(folder.resolve("etc"), "ssh_host_ed25519_key", "ed25519");
        Processes.Result listed = Processes.run(List.of("ssh-keygen", "-l", "-f", shared.privateKey().toString()),
                null, 30);
        String fingerprint = listed.stdout().split(" ")[1]; // "256 SHA256:... comment (ED25519)"
        int port = TestServer.freePort();
        Path knownHosts = Files.writeString(folder.resolve("known_hosts"),
                "[127.0.0.1]:" + port + " " + shared.publicLine() + "\n");
        Map<String, Object> node = Map.of("port", port, "hostKeyFile", shared.privateKey().toString());

        for (String name : List.of("node-a", "node-b")) {
            try (TestServer server = TestServer.start(folder.resolve(name), node)) {
                assertEquals(fingerprint, server.hostKeyFingerprint(), name);
                String said = reach(port, knownHosts);
                assertTrue(said.contains("Permission denied"), name + " passed the host key check: " + said);
                assertFalse(Files.exists(folder.resolve(name).resolve("ssh_host_ed25519_key")),
                        name + " made no key of its own");
            }
        }
        try (TestServer own = TestServer.start(folder.resolve("node-c"), Map.of("port", port))) {
            assertNotEquals(fingerprint, own.hostKeyFingerprint());
            String said = reach(port, knownHosts);
            assertTrue(said.contains("Host key verification failed"), "a node with its own key is refused: " + said);
        }
    }

    /** What OpenSSH says when it reaches the server and checks its host key strictly (no login is attempted). */
    private static String reach(int port, Path knownHosts) throws Exception {
        return Processes.run(List.of("ssh", "-F", "none", "-p", String.valueOf(port), "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + knownHosts, "-o",
                "ConnectTimeout=10", "-o", "PreferredAuthentications=publickey", "-o", "IdentitiesOnly=yes",
                "-o", "IdentityAgent=none", "-o", "IdentityFile=none", "nobody-here@127.0.0.1", "true"), null, 60)
                .stderr();
    }
}
