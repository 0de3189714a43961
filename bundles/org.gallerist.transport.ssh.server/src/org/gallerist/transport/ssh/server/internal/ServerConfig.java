package org.gallerist.transport.ssh.server.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The SSH server's settings (PID {@code org.gallerist.ssh}): where it listens, the sign-up policy and every limit an
 * outsider could otherwise push (docs/security.md explains each). Its host key lives in the data folder unless
 * {@link #hostKeyFile} names one that several nodes share.
 */
@ObjectClassDefinition(id = ServerConfig.PID, name = "Gallerist SSH server",
        description = "SSH listen address, sign-up policy and connection limits of the Gallerist server")
public @interface ServerConfig {

    String PID = "org.gallerist.ssh";

    @AttributeDefinition(description = "OpenSSH private key file (ed25519, without a passphrase, readable by the"
            + " server's user only) the server identifies itself with: the same file on every node of one shop makes"
            + " them one host to clients. Empty: DATA/ssh_host_ed25519_key, made at the first start")
    String hostKeyFile() default "";

    @AttributeDefinition(description = "Address the SSH server listens on")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "Port the SSH server listens on; 0 picks a free one", min = "0", max = "65535")
    int port() default 2222;

    @AttributeDefinition(description = "Whether new accounts may be created through the 'signup' login")
    boolean signupEnabled() default true;

    @AttributeDefinition(description = "Sign-up attempts allowed per source address and hour", min = "1")
    int signupPerHour() default 20;

    @AttributeDefinition(description = "Seconds a connection may take to log in before it is closed (OpenSSH's"
            + " LoginGraceTime)", min = "1")
    int loginGraceSeconds() default 30;

    @AttributeDefinition(description = "Connections not yet logged in, as start:rate:full (OpenSSH's MaxStartups):"
            + " above start, new ones are dropped at random with rate percent, rising to all at full")
    String maxStartups() default "200:30:600";

    @AttributeDefinition(description = "Connections not yet logged in from one source (an IPv4 address or an IPv6"
            + " /64)", min = "1")
    int maxStartupsPerSource() default 16;

    @AttributeDefinition(description = "Logged-in sessions at once for the whole server", min = "1")
    int maxSessions() default 1000;

    @AttributeDefinition(description = "Logged-in sessions at once per account", min = "1")
    int maxSessionsPerAccount() default 10;

    @AttributeDefinition(description = "Logged-in sessions at once per source (an IPv4 address or an IPv6 /64);"
            + " an office behind one NAT address shares it", min = "1")
    int maxSessionsPerSource() default 100;

    @AttributeDefinition(description = "Channels (commands) open at once in one session (OpenSSH's MaxSessions)",
            min = "1")
    int maxChannelsPerSession() default 10;

    @AttributeDefinition(description = "Seconds a command waits for more of its standard input before it fails"
            + " with stdin_timeout", min = "1")
    int stdinTimeoutSeconds() default 30;

    @AttributeDefinition(description = "Seconds a command may run in all before it fails with command_timeout",
            min = "1")
    int commandTimeoutSeconds() default 1800;

    @AttributeDefinition(description = "Threads checking passwords (a deliberately slow hash); 0: half the"
            + " processors, at least one", min = "0")
    int passwordCheckThreads() default 0;

    @AttributeDefinition(description = "Password checks that may wait for a thread; beyond, logins are refused at"
            + " once", min = "0")
    int passwordCheckQueue() default 8;

    @AttributeDefinition(description = "Wrong passwords in a row for one account before its password logins are"
            + " refused for a while (key logins never are)", min = "1")
    int accountFailuresBeforeBlock() default 5;

    @AttributeDefinition(description = "Wrong passwords in a row from one source before its password logins are"
            + " refused for a while", min = "1")
    int sourceFailuresBeforeBlock() default 10;

    @AttributeDefinition(description = "Seconds of the first block; each further failure doubles it", min = "1")
    int blockSeconds() default 2;

    @AttributeDefinition(description = "Longest block in seconds", min = "1")
    int maxBlockSeconds() default 900;

    @AttributeDefinition(description = "Penalty seconds for a source whose connection ran out of login grace time",
            min = "0")
    int graceExceededPenaltySeconds() default 10;

    @AttributeDefinition(description = "Penalty seconds for a source whose connection closed without trying to"
            + " log in", min = "0")
    int noAuthPenaltySeconds() default 1;

    @AttributeDefinition(description = "A source is refused new connections once its penalty reaches this many"
            + " seconds", min = "1")
    int penaltyMinSeconds() default 15;

    @AttributeDefinition(description = "Most penalty seconds a source can collect", min = "1")
    int penaltyMaxSeconds() default 600;
}
