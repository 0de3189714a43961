package org.gallerist.protocol.command;

import picocli.CommandLine.Parameters;

/** The commands about one account, named by its user name. */
public abstract class OneAccount extends WireCommand {

    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    protected OneAccount() {
    }

    protected OneAccount(String username) {
        this.username = username;
    }

    public String username() {
        return username;
    }
}
