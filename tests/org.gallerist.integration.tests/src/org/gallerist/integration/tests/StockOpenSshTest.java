package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gallerist.tests.harness.Processes;
import org.gallerist.tests.harness.SshKeys;
import org.gallerist.tests.harness.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSH contract as stock OpenSSH sees it: sign-up, keys add, whoami, and the errors on stderr. */
class StockOpenSshTest {

    @TempDir
    Path temp;

    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Processes.available("ssh") && Processes.available("ssh-keygen"),
                "the OpenSSH client (ssh, ssh-keygen) is not installed");
        server = TestServer.start(temp.resolve("data"));
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private Processes.Result ssh(String user, Path identity, String stdin, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of("ssh", "-F", "none", "-p", String.valueOf(server.address().port()),
                "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=accept-new",
                "-o", "UserKnownHostsFile=" + temp.resolve("known_hosts"), "-o", "ConnectTimeout=10",
                "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none"));
        if (identity != null) {
            args.addAll(List.of("-i", identity.toString()));
        } else {
            args.addAll(List.of("-o", "PubkeyAuthentication=no"));
        }
        args.add(user + "@127.0.0.1");
        args.addAll(List.of(command));
        return Processes.run(args, stdin, 60);
    }

    @Test
    void signUpAddAKeyAndAskWhoamiWithStockOpenSsh() throws Exception {
        SshKeys.KeyPair first = SshKeys.generate(temp.resolve("keys"), "bob_ed25519", "ed25519");
        SshKeys.KeyPair second = SshKeys.generate(temp.resolve("keys"), "bob_rsa", "rsa");

        Processes.Result signup = ssh("signup", null, "correct horse\n" + first.publicLine() + "\n", "signup", "bob");
        assertEquals(0, signup.exitCode(), signup.stderr());
        assertTrue(signup.stdout().strip().startsWith("{\"user\":\"bob\""), signup.stdout());
        assertEquals(1, signup.stdout().strip().lines().count(), "one JSON line");

        Processes.Result whoami = ssh("bob", first.privateKey(), null, "whoami");
        assertEquals(0, whoami.exitCode(), whoami.stderr());
        assertTrue(whoami.stdout().strip().startsWith("{\"user\":\"bob\",\"role\":\"admin\""), whoami.stdout());

        Processes.Result add = ssh("bob", first.privateKey(), second.publicLine() + "\n", "keys", "add");
        assertEquals(0, add.exitCode(), add.stderr());
        assertTrue(add.stdout().contains("\"type\":\"ssh-rsa\""), add.stdout());

        Processes.Result viaRsa = ssh("bob", second.privateKey(), null, "keys", "list");
        assertEquals(0, viaRsa.exitCode(), viaRsa.stderr());
        assertEquals(2, viaRsa.stdout().strip().lines().count(), viaRsa.stdout());
    }

    @Test
    void errorsAreOneJsonObjectOnStderrWithANonZeroExit() throws Exception {
        SshKeys.KeyPair key = SshKeys.generate(temp.resolve("keys"), "eve", "ed25519");
        assertEquals(0, ssh("signup", null, "correct horse\n" + key.publicLine() + "\n", "signup", "eve").exitCode());

        Processes.Result duplicate = ssh("signup", null, "correct horse\n", "signup", "eve");
        assertNotEquals(0, duplicate.exitCode());
        assertTrue(duplicate.stderr().contains("{\"error\":\"user_exists\",\"message\":"), duplicate.stderr());

        Processes.Result badName = ssh("signup", null, "correct horse\n", "signup", "Not_Valid");
        assertTrue(badName.stderr().contains("\"error\":\"invalid_argument\""), badName.stderr());

        Processes.Result weak = ssh("signup", null, "short\n", "signup", "frank");
        assertTrue(weak.stderr().contains("\"error\":\"weak_password\""), weak.stderr());

        Processes.Result notAllowed = ssh("signup", null, null, "whoami");
        assertNotEquals(0, notAllowed.exitCode());
        assertTrue(notAllowed.stderr().contains("\"error\":\"forbidden\""), notAllowed.stderr());

        Processes.Result unknown = ssh("eve", key.privateKey(), null, "frobnicate");
        assertEquals(2, unknown.exitCode(), "a command line that cannot be parsed exits with 2");
        assertTrue(unknown.stderr().contains("\"error\":\"usage\"") && unknown.stderr().contains("\"word\":\"frobnicate\""),
                unknown.stderr());

        Processes.Result wrongKey = ssh("eve", SshKeys.generate(temp.resolve("keys"), "mallory", "ed25519").privateKey(),
                null, "whoami");
        assertEquals(255, wrongKey.exitCode(), "ssh reports an authentication failure as 255");
        assertTrue(wrongKey.stderr().contains("Permission denied"), wrongKey.stderr());
    }

    @Test
    void signUpIsRateLimitedPerSourceAddress() throws Exception {
        server.close();
        server = TestServer.start(temp.resolve("limited"), Map.of("signupPerHour", 3));
        for (int i = 0; i < 3; i++) {
            Processes.Result ok = ssh("signup", null, "correct horse\n", "signup", "user" + i);
            assertEquals(0, ok.exitCode(), ok.stderr());
        }
        Processes.Result limited = ssh("signup", null, "correct horse\n", "signup", "user3");
        assertNotEquals(0, limited.exitCode());
        assertTrue(limited.stderr().contains("\"error\":\"rate_limited\""), limited.stderr());
    }
}
