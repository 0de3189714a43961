package org.gallerist.api.account;

import java.time.Instant;
import java.util.Objects;

/**
 * A public key a user may log in with.
 *
 * @param fingerprint OpenSSH style {@code SHA256:...}; identifies the key within the user's keys
 * @param type        the key algorithm as written in the OpenSSH line, e.g. {@code ssh-ed25519}
 * @param openSshLine the key as one OpenSSH {@code authorized_keys} line (type, base64, optional comment)
 */
public record AuthorizedKey(String fingerprint, String type, String comment, String openSshLine, Instant added) {
    public AuthorizedKey {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(openSshLine, "openSshLine");
        Objects.requireNonNull(added, "added");
        comment = comment == null ? "" : comment;
    }
}
