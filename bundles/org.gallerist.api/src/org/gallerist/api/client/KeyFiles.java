package org.gallerist.api.client;

import java.nio.file.Path;

import org.gallerist.api.GalleristException;

/**
 * The SSH key files a user logs in with, read and written the way OpenSSH does. Failures are
 * {@link GalleristException}s with code {@code invalid_argument}, a message for people, and under the detail
 * {@value #PROBLEM} one of {@value #PASSPHRASE_NEEDED}, {@value #WRONG_PASSPHRASE}, {@value #UNSUPPORTED} or
 * {@value #UNREADABLE}, so that a client can ask for a passphrase instead of just showing the message.
 */
public interface KeyFiles {
    String PROBLEM = "key_problem";
    String PASSPHRASE_NEEDED = "passphrase_needed";
    String WRONG_PASSPHRASE = "wrong_passphrase";
    String UNSUPPORTED = "unsupported";
    String UNREADABLE = "unreadable";

    /**
     * The OpenSSH public-key line of a key file: a public key file's line as written, or the public half of a
     * private key file (with its passphrase, or null).
     */
    String publicKeyLine(Path file, char[] passphrase);

    /**
     * Makes a new ed25519 key pair: the private key in OpenSSH format at {@code privateKey}, readable by its owner
     * only and encrypted with {@code passphrase} unless that is null or empty, and the public line beside it in
     * {@code privateKey + ".pub"}. Never overwrites a file.
     *
     * @return the public-key line
     */
    String generateEd25519(Path privateKey, char[] passphrase, String comment);
}
