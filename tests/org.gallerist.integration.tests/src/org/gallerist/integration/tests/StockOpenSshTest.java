package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.OpenSsh;
import org.gallerist.tests.harness.Processes;
import org.gallerist.tests.harness.SshKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SSH contract as stock OpenSSH sees it: sign-up, keys add, whoami, and the errors on stderr. */
class StockOpenSshTest {

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh();

    @BeforeEach
    void requireOpenSsh() {
        OpenSsh.assumeInstalled();
    }

    private Processes.Result ssh(String user, Path identity, String stdin, String... command) throws Exception {
        return server.openSsh().run(user, identity, stdin, command);
    }

    @Test
    void signUpAddAKeyAndAskWhoamiWithStockOpenSsh() throws Exception {
        SshKeys.KeyPair first = SshKeys.generate(server.folder().resolve("keys"), "bob_ed25519", "ed25519");
        SshKeys.KeyPair second = SshKeys.generate(server.folder().resolve("keys"), "bob_rsa", "rsa");

        Processes.Result signup = ssh("signup", null, "correct horse\n" + first.publicLine() + "\n", "signup", "bob");
        assertEquals(0, signup.exitCode(), signup.stderr());
        assertTrue(signup.stdout().strip().startsWith("{\"user\":\"bob\""), signup.stdout());
        assertEquals(1, signup.stdout().strip().lines().count(), "one JSON line");

        Processes.Result whoami = ssh("bob", first.privateKey(), null, "whoami");
        assertEquals(0, whoami.exitCode(), whoami.stderr());
        assertTrue(whoami.stdout().strip().startsWith("{\"user\":\"bob\",\"role\":\"user\""), whoami.stdout());
        Processes.Result ping = ssh("bob", first.privateKey(), null, "ping");
        assertEquals("{\"ok\":true}", ping.stdout().strip(), ping.stderr());

        Processes.Result add = ssh("bob", first.privateKey(), second.publicLine() + "\n", "keys", "add");
        assertEquals(0, add.exitCode(), add.stderr());
        assertTrue(add.stdout().contains("\"type\":\"ssh-rsa\""), add.stdout());

        Processes.Result viaRsa = ssh("bob", second.privateKey(), null, "keys", "list");
        assertEquals(0, viaRsa.exitCode(), viaRsa.stderr());
        assertEquals(2, viaRsa.stdout().strip().lines().count(), viaRsa.stdout());
    }

    @Test
    void errorsAreOneJsonObjectOnStderrWithANonZeroExit() throws Exception {
        SshKeys.KeyPair key = SshKeys.generate(server.folder().resolve("keys"), "eve", "ed25519");
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

        Processes.Result wrongKey = ssh("eve", SshKeys.generate(server.folder().resolve("keys"), "mallory", "ed25519").privateKey(),
                null, "whoami");
        assertEquals(255, wrongKey.exitCode(), "ssh reports an authentication failure as 255");
        assertTrue(wrongKey.stderr().contains("Permission denied"), wrongKey.stderr());
    }

    @Test
    void signUpIsRateLimitedPerSourceAddress() throws Exception {
        server.startWith(Map.of("signupPerHour", 3));
        for (int i = 0; i < 3; i++) {
            Processes.Result ok = ssh("signup", null, "correct horse\n", "signup", "user" + i);
            assertEquals(0, ok.exitCode(), ok.stderr());
        }
        Processes.Result limited = ssh("signup", null, "correct horse\n", "signup", "user3");
        assertNotEquals(0, limited.exitCode());
        assertTrue(limited.stderr().contains("\"error\":\"rate_limited\""), limited.stderr());
    }
}
