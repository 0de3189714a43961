package org.gallerist.protocol.command;

/** A command line asked for {@code --help}: the server prints {@link #text()} on stdout and exits 0. */
public final class HelpRequested extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String text;

    HelpRequested(String text) {
        super("help requested", null, false, false);
        this.text = text;
    }

    public String text() {
        return text;
    }
}
