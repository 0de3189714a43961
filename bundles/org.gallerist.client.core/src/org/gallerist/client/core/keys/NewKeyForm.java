package org.gallerist.client.core.keys;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.gallerist.client.core.FormValidation;

/** The checks of the "new key pair" form, before anything is written: where the key goes and its passphrase. */
public final class NewKeyForm {
    /** OpenSSH's ssh-keygen refuses shorter passphrases too. */
    public static final int MIN_PASSPHRASE_LENGTH = 5;

    private NewKeyForm() {
    }

    /** {@code ~/.ssh/id_gallerist_ed25519}, or with a number added where that file is taken. */
    public static Path suggestedFile(Path home) {
        Path ssh = home.resolve(".ssh");
        Path file = ssh.resolve("id_gallerist_ed25519");
        for (int n = 2; Files.exists(file) || Files.exists(file.resolveSibling(file.getFileName() + ".pub")); n++) {
            file = ssh.resolve("id_gallerist_ed25519_" + n);
        }
        return file;
    }

    /** The first problem of the form; an empty passphrase is allowed (the key is then stored unencrypted). */
    public static Optional<String> check(String file, char[] passphrase, char[] repeated) {
        if (file == null || file.isBlank()) {
            return Optional.of("Choose where to save the new private key.");
        }
        Path path;
        try {
            path = FormValidation.keyFilePath(file);
        } catch (InvalidPathException e) {
            return Optional.of("\"" + file.strip() + "\" is not a file name.");
        }
        if (Files.exists(path) || Files.exists(path.resolveSibling(path.getFileName() + ".pub"))) {
            return Optional.of("There is already a key at " + path + "; choose another name.");
        }
        if (passphrase.length > 0 && passphrase.length < MIN_PASSPHRASE_LENGTH) {
            return Optional.of("A passphrase needs at least " + MIN_PASSPHRASE_LENGTH + " characters, or leave it"
                    + " empty.");
        }
        if (!Arrays.equals(passphrase, repeated)) {
            return Optional.of("The two passphrases differ.");
        }
        return Optional.empty();
    }
}
