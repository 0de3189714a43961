package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.Credentials;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.client.KeyFiles;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.OpenSsh;
import org.gallerist.tests.harness.Processes;
import org.gallerist.tests.harness.SshAgentProcess;
import org.gallerist.tests.harness.SshKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logging in with keys the way OpenSSH users hold them: encrypted key files made by stock ssh-keygen, keys in a
 * running ssh-agent, and key pairs the client makes itself, which stock OpenSSH must read back.
 */
class KeyLoginTest {
    private static final char[] PASSWORD = GalleristServerExtension.password();

    @TempDir
    Path temp;

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh();

    private GalleristSession logIn(Credentials credentials) {
        return server.logIn(credentials, server.address());
    }

    private static GalleristException assertKeyProblem(String problem, Executable action) {
        GalleristException e = assertThrows(GalleristException.class, action);
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code(), e.getMessage());
        assertEquals(problem, e.details().get(KeyFiles.PROBLEM), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), "no exception names for users: " + e.getMessage());
        return e;
    }

    @Test
    void anEncryptedKeyAsksForItsPassphraseAndRefusesAWrongOne() throws Exception {
        OpenSsh.assumeInstalled();
        SshKeys.KeyPair ed25519 = SshKeys.generate(temp, "ann_ed25519", "ed25519", "sea shells");
        SshKeys.KeyPair ecdsa = SshKeys.generate(temp, "ann_ecdsa", "ecdsa", "sea shells");
        server.signUp("ann", PASSWORD, List.of(ed25519.publicLine(), ecdsa.publicLine()));

        assertKeyProblem(KeyFiles.PASSPHRASE_NEEDED,
                () -> logIn(new Credentials.KeyFile("ann", ed25519.privateKey(), null)));
        assertKeyProblem(KeyFiles.WRONG_PASSPHRASE,
                () -> logIn(new Credentials.KeyFile("ann", ed25519.privateKey(), "sea shell".toCharArray())));
        for (SshKeys.KeyPair key : List.of(ed25519, ecdsa)) {
            try (GalleristSession session = logIn(new Credentials.KeyFile("ann", key.privateKey(),
                    "sea shells".toCharArray()))) {
                assertEquals("ann", session.whoami().name());
            }
        }
        assertEquals(ecdsa.publicLine(), server.client().keyFiles().publicKeyLine(ecdsa.privateKey(),
                "sea shells".toCharArray()), "the public line of a private key is the one beside it");
    }

    @Test
    void unsupportedAndNonKeyFilesAreRefusedBeforeAnythingIsSent() throws Exception {
        OpenSsh.assumeInstalled();
        server.signUp("ann", PASSWORD, List.of());
        SshKeys.KeyPair dsa = SshKeys.generate(temp, "ann_dsa", "dsa");
        assertKeyProblem(KeyFiles.UNSUPPORTED, () -> logIn(new Credentials.KeyFile("ann", dsa.privateKey(), null)));
        Path photo = Files.write(temp.resolve("holiday.jpg"), new byte[] { (byte) 0xFF, (byte) 0xD8, 1, 2, 3 });
        assertKeyProblem(KeyFiles.UNREADABLE, () -> logIn(new Credentials.KeyFile("ann", photo, null)));
        assertKeyProblem(KeyFiles.UNREADABLE,
                () -> logIn(new Credentials.KeyFile("ann", temp.resolve("missing"), null)));
    }

    @Test
    void theKeysOfARunningAgentLogIn() throws Exception {
        OpenSsh.assumeInstalled("ssh-agent", "ssh-add");
        SshKeys.KeyPair mine = SshKeys.generate(temp, "ann_key", "ed25519");
        SshKeys.KeyPair other = SshKeys.generate(temp, "other_key", "ed25519");
        server.signUp("ann", PASSWORD, List.of(mine.publicLine()));
        try (SshAgentProcess agent = SshAgentProcess.start(temp.resolve("agent"))) {
            agent.add(other.privateKey());
            GalleristException refused = assertThrows(GalleristException.class,
                    () -> logIn(new Credentials.Agent("ann", agent.socket())));
            assertEquals(ErrorCode.UNAUTHORIZED, refused.code(), refused.getMessage());
            assertTrue(refused.getMessage().contains("SSH agent"), refused.getMessage());

            agent.add(mine.privateKey());
            try (GalleristSession session = logIn(new Credentials.Agent("ann", agent.socket()))) {
                assertEquals("ann", session.whoami().name());
            }
        }
        GalleristException gone = assertThrows(GalleristException.class,
                () -> logIn(new Credentials.Agent("ann", temp.resolve("agent/agent.sock"))));
        assertEquals(ErrorCode.INVALID_ARGUMENT, gone.code(), gone.getMessage());
    }

    @Test
    void aGeneratedKeyPairIsOneStockOpenSshReadsAndItLogsIn() throws Exception {
        OpenSsh.assumeInstalled();
        KeyFiles keyFiles = server.client().keyFiles();
        Path key = temp.resolve("made/id_gallerist");
        String line = keyFiles.generateEd25519(key, "long passphrase".toCharArray(), "ann@laptop");
        assertTrue(line.startsWith("ssh-ed25519 ") && line.endsWith(" ann@laptop"), line);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals(line, Files.readString(key.resolveSibling("id_gallerist.pub")).strip());
        Processes.Result derived = Processes.run(List.of("ssh-keygen", "-y", "-P", "long passphrase", "-f",
                key.toString()), null, 30);
        assertEquals(0, derived.exitCode(), derived.stderr());
        assertTrue(line.startsWith(derived.stdout().strip().split(" ")[0] + " " + derived.stdout().strip()
                .split(" ")[1]), "ssh-keygen derives the same public key: " + derived.stdout());
        assertKeyProblem(KeyFiles.UNREADABLE, () -> keyFiles.generateEd25519(key, null, "again"));

        try (GalleristSession session = server.signedUp("ann")) {
            session.addKey(keyFiles.publicKeyLine(key.resolveSibling("id_gallerist.pub"), null));
        }
        try (GalleristSession session = logIn(new Credentials.KeyFile("ann", key, "long passphrase".toCharArray()))) {
            assertEquals("ann", session.whoami().name());
        }
    }
}
