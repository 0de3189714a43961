package org.gallerist.tests.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Key pairs made by stock {@code ssh-keygen}, the way users make them. */
public final class SshKeys {

    public record KeyPair(Path privateKey, String publicLine) {
    }

    private SshKeys() {
    }

    /** @param type {@code ed25519}, {@code ecdsa}, {@code dsa} or {@code rsa} (3072 bits) */
    public static KeyPair generate(Path dir, String name, String type) throws Exception {
        return generate(dir, name, type, "");
    }

    /** A key pair whose private key is encrypted with {@code passphrase} (none when empty). */
    public static KeyPair generate(Path dir, String name, String type, String passphrase) throws Exception {
        Files.createDirectories(dir);
        Path key = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C",
                name + "@test", "-f", key.toString()));
        if (type.equals("rsa")) {
            command.addAll(List.of("-b", "3072"));
        }
        Processes.Result result = Processes.run(command, null, 60);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("ssh-keygen failed: " + result.stderr());
        }
        return new KeyPair(key, Files.readString(dir.resolve(name + ".pub")).strip());
    }
}
