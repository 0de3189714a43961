package org.gallerist.protocol.command;

import picocli.CommandLine.Command;

/** The commands that stand alone: who am I, what can I run, and the sign-up login's one command. */
public final class Account {

    private Account() {
    }

    @Command(name = "whoami", description = "The user you are logged in as ({user, role, created}).")
    public static final class Whoami extends ReadOnly {
    }

    @Command(name = "ping", description = "Answers {ok: true} and does nothing else: a health check, and the floor"
            + " a client's round trip cannot go below.")
    public static final class Ping extends ReadOnly {
    }

    @Command(name = "help", description = "List the available commands ({command, summary}); COMMAND --help shows"
            + " one command's usage.")
    public static final class Help extends ReadOnly {
    }

    @Command(name = "signup", description = "Only for the login 'signup', which needs no credentials: create an"
            + " account. Stdin: the password on the first line, then optional OpenSSH public-key lines. Every new"
            + " account is a user (the first admin: users claim-admin).")
    @Replay(Replay.Safety.NEVER)
    public static final class Signup extends OneAccount {
        public Signup() {
        }

        public Signup(String username) {
            this.username = username;
        }
    }
}
