package org.gallerist.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks of a host key file the operator names, on keys that stock ssh-keygen makes. */
class HostKeyFileTest {

    @TempDir
    Path temp;

    private Path keygen(String name, String type, String passphrase) throws Exception {
        Path key = temp.resolve(name);
        Process process;
        try {
            process = new ProcessBuilder("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", name, "-f",
                    key.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException notInstalled) {
            assumeTrue(false, "ssh-keygen (openssh-client) is not installed");
            throw notInstalled;
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0,
                new String(process.getInputStream().readAllBytes()));
        return key;
    }

    private static void refusedSaying(Path key, String... texts) {
        List<String> problems = HostKeyFile.problems(key);
        assertEquals(1, problems.size(), problems.toString());
        for (String text : texts) {
            assertTrue(problems.get(0).contains(text), "'" + text + "' in: " + problems.get(0));
        }
    }

    @Test
    void anUnencryptedEd25519KeyOfTheServersUserIsTaken() throws Exception {
        assertEquals(List.of(), HostKeyFile.problems(keygen("host", "ed25519", "")));
    }

    @Test
    void aMissingFileIsRefusedWithTheCommandThatMakesOne() {
        Path missing = temp.resolve("nowhere");
        refusedSaying(missing, "does not exist", "ssh-keygen -t ed25519 -N '' -f " + missing);
    }

    @Test
    void aKeyOthersCanReadIsRefused() throws Exception {
        Path key = keygen("loose", "ed25519", "");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        refusedSaying(key, "can be read by its group or others (mode 0644)", "pose as this server",
                "chmod 600 " + key);
    }

    @Test
    void aKeyWithAPassphraseIsRefused() throws Exception {
        refusedSaying(keygen("locked", "ed25519", "a passphrase"), "protected by a passphrase", "ssh-keygen -p");
    }

    @Test
    void aKeyOfAnotherTypeIsRefused() throws Exception {
        refusedSaying(keygen("nist", "ecdsa", ""), "holds a ecdsa-sha2-nistp256 key", "ed25519");
    }

    @Test
    void whatIsNoOpenSshKeyIsRefused() throws Exception {
        Path publicKey = keygen("pair", "ed25519", "").resolveSibling("pair.pub");
        Files.setPosixFilePermissions(publicKey, PosixFilePermissions.fromString("rw-------"));
        refusedSaying(publicKey, "is not an OpenSSH private key");
        Path truncated = temp.resolve("truncated");
        String text = Files.readString(keygen("whole", "ed25519", ""));
        Files.writeString(truncated, text.substring(0, 60) + "\n-----END OPENSSH PRIVATE KEY-----\n");
        Files.setPosixFilePermissions(truncated, PosixFilePermissions.fromString("rw-------"));
        refusedSaying(truncated, "is not an OpenSSH private key");
    }
}
