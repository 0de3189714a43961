package org.gallerist.client.core;

/** What the user proves who they are with; the connect dialog offers all three. */
public enum LoginMethod {
    PASSWORD("Password"),
    /** An OpenSSH private key file, with its passphrase if it has one. */
    KEY_FILE("Key file"),
    /** The keys of the running ssh-agent ({@code SSH_AUTH_SOCK}). */
    AGENT("SSH agent");

    private final String label;

    LoginMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
