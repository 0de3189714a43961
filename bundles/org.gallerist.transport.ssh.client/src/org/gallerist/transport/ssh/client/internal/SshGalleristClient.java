package org.gallerist.transport.ssh.client.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.User;
import org.gallerist.api.client.Credentials;
import org.gallerist.api.client.GalleristClient;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.client.HostKeyTrust;
import org.gallerist.api.client.KeyFiles;
import org.gallerist.api.client.ServerAddress;
import org.gallerist.protocol.Replies;
import org.gallerist.protocol.WireJson;
import org.gallerist.protocol.command.Account;
import org.gallerist.protocol.command.CommandCatalogue;
import org.gallerist.transport.ssh.common.internal.LowLatencySockets;
import org.gallerist.transport.ssh.common.internal.ModernAlgorithms;
import org.gallerist.transport.ssh.common.internal.OwnerOnlyFiles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The SSH client behind {@link GalleristClient}: one Mina {@link SshClient} for the component's lifetime, one SSH
 * session per {@link #connect} at a time (a new one after each drop). It reads nothing from {@code ~/.ssh}: keys,
 * known_hosts and trust come from the caller.
 */
@Component(service = GalleristClient.class)
public class SshGalleristClient implements GalleristClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Longer than the server's longest back-off after wrong passwords (8 s) plus the password hash. */
    private static final Duration AUTH_TIMEOUT = Duration.ofSeconds(20);
    /**
     * Keep-alives that want an answer: a connection that died without a word (a cable pulled, a laptop asleep) is
     * noticed after {@link #HEARTBEATS_UNANSWERED} of them instead of when TCP gives up, minutes later.
     */
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final int HEARTBEATS_UNANSWERED = 3;
    private static final String SIGNUP_LOGIN = "signup";
    private static final AttributeKey<KnownHostsCheck> HOST_CHECK = new AttributeKey<>();

    private final SshClient client;
    private final WireJson json = new WireJson();
    private final CommandCatalogue catalogue = new CommandCatalogue();
    /** Reconnect rounds and state events; daemon threads that end when idle. */
    private final ExecutorService threads = Executors.newCachedThreadPool(daemonThreads());
    private final Set<LiveConnection> connections = ConcurrentHashMap.newKeySet();
    private final MinaKeyFiles keyFiles = new MinaKeyFiles();

    @Activate
    public SshGalleristClient() {
        client = SshClient.setUpDefaultClient();
        ModernAlgorithms.apply(client, ClientBuilder.DH2KEX);
        LowLatencySockets.apply(client);
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setAgentFactory(new SessionAgents());
        client.setServerKeyVerifier(SshGalleristClient::verifyServerKey);
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, HEARTBEAT);
        CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, HEARTBEATS_UNANSWERED);
        client.start();
    }

    @Deactivate
    void deactivate() {
        connections.forEach(LiveConnection::close); // for good: no reconnecting through a stopped client
        client.stop();
        threads.shutdown(); // lets the last state events (CLOSED) reach their listeners
    }

    @Override
    public GalleristSession connect(ServerAddress server, Credentials credentials, Path knownHosts, HostKeyTrust trust) {
        Path file = prepare(knownHosts);
        LoginSecret secret = LoginSecret.of(credentials, keyFiles);
        Supplier<ClientSession> login = () -> logIn(server, credentials.username(), secret, file, trust);
        ClientSession first;
        try {
            first = login.get();
        } catch (RuntimeException e) {
            secret.erase();
            throw e;
        }
        LiveConnection connection = new LiveConnection(server, first, login, threads, closed -> {
            secret.erase();
            connections.remove(closed);
        });
        connections.add(connection);
        return new SshGalleristSession(connection, json, catalogue, secret);
    }

    @Override
    public KeyFiles keyFiles() {
        return keyFiles;
    }

    @Override
    public User signUp(ServerAddress server, String username, char[] password, List<String> publicKeys,
            Path knownHosts, HostKeyTrust trust) {
        ClientSession session = open(server, SIGNUP_LOGIN, prepare(knownHosts), trust);
        try {
            try {
                authenticate(session, server, "The server " + server + " refused the sign-up login.");
            } catch (GalleristException refused) {
                // a server with sign-up switched off does not let the sign-up login in at all
                throw refused.code() != ErrorCode.UNAUTHORIZED ? refused : new GalleristException(
                        ErrorCode.SIGNUP_DISABLED, "The server " + server + " does not accept new accounts.");
            }
            byte[] input = signUpInput(password, publicKeys);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status;
            try {
                status = Exec.run(session, server, ShellQuoting.join(catalogue.words(new Account.Signup(username))),
                        new ByteArrayInputStream(input), out, err);
            } finally {
                Arrays.fill(input, (byte) 0);
            }
            if (status != 0) {
                throw json.error(err.toByteArray(), status);
            }
            List<WireJson.Line> lines = json.lines(out.toByteArray());
            if (lines.isEmpty()) {
                throw new GalleristException(ErrorCode.INTERNAL, "The server did not confirm the new account.");
            }
            return lines.get(0).as(Replies.Account.class).toUser();
        } finally {
            session.close(true);
        }
    }

    /** A logged-in session: connect, check the host key, authenticate; the same every time, first or again. */
    private ClientSession logIn(ServerAddress server, String username, LoginSecret secret, Path knownHosts,
            HostKeyTrust trust) {
        ClientSession session = open(server, username, knownHosts, trust);
        try {
            secret.offerTo(session);
            authenticate(session, server, secret.refusal(username));
            return session;
        } catch (RuntimeException e) {
            session.close(true);
            throw e;
        }
    }

    /** Connects and checks the host key; authentication is left to the caller. */
    private ClientSession open(ServerAddress server, String username, Path knownHosts, HostKeyTrust trust) {
        KnownHostsCheck check = new KnownHostsCheck(knownHosts, server, trust);
        ConnectFuture future;
        try {
            future = client.connect(username, server.host(), server.port(),
                    AttributeRepository.ofKeyValuePair(HOST_CHECK, check), null);
            if (!future.await(CONNECT_TIMEOUT)) {
                future.cancel();
                throw new GalleristException(ErrorCode.CONNECTION_FAILED, "Could not connect to " + server
                        + ": no answer within " + CONNECT_TIMEOUT.toSeconds() + " seconds.");
            }
            ClientSession session = future.verify().getClientSession();
            session.setAttribute(HOST_CHECK, check);
            return session;
        } catch (IOException | RuntimeException e) {
            if (e instanceof GalleristException known) {
                throw known;
            }
            throw new GalleristException(ErrorCode.CONNECTION_FAILED,
                    "Could not connect to " + server + ": " + Failures.reason(e) + ".", e);
        }
    }

    private static void authenticate(ClientSession session, ServerAddress server, String refused) {
        KnownHostsCheck check = session.getAttribute(HOST_CHECK);
        try {
            AuthFuture auth = session.auth();
            if (!awaitLogin(auth, check)) {
                throw refusedOr(check, new GalleristException(ErrorCode.CONNECTION_FAILED,
                        "The server " + server + " did not finish the login within " + AUTH_TIMEOUT.toSeconds() + " seconds."));
            }
            if (auth.isSuccess()) {
                return;
            }
        } catch (IOException e) {
            throw refusedOr(check, new GalleristException(ErrorCode.CONNECTION_FAILED,
                    "Could not log in to " + server + ": " + Failures.reason(e) + ".", e));
        }
        throw refusedOr(check, new GalleristException(ErrorCode.UNAUTHORIZED, refused));
    }

    /**
     * Waits up to {@link #AUTH_TIMEOUT} for the login, not counting the time the user spends reading a new server's
     * fingerprint: the limit starts again once they have answered.
     */
    private static boolean awaitLogin(AuthFuture auth, KnownHostsCheck check) throws IOException {
        long deadline = System.nanoTime() + AUTH_TIMEOUT.toNanos();
        while (!auth.await(Duration.ofMillis(200))) {
            if (check != null && check.asking()) {
                deadline = System.nanoTime() + AUTH_TIMEOUT.toNanos();
            } else if (System.nanoTime() - deadline > 0) {
                return false;
            }
        }
        return true;
    }

    /** A host-key refusal explains a failed key exchange better than whatever error followed from it. */
    private static GalleristException refusedOr(KnownHostsCheck check, GalleristException otherwise) {
        GalleristException refusal = check == null ? null : check.refusal();
        return refusal != null ? refusal : otherwise;
    }

    private static boolean verifyServerKey(ClientSession session, java.net.SocketAddress remote,
            java.security.PublicKey key) {
        KnownHostsCheck check = session.getConnectionContext() == null ? null
                : session.getConnectionContext().getAttribute(HOST_CHECK);
        return check != null && check.verifyServerKey(session, remote, key);
    }

    /** Makes sure the known_hosts file and its folder exist, private to the user like OpenSSH keeps them. */
    private static Path prepare(Path knownHosts) {
        Path file = knownHosts.toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(file, OwnerOnlyFiles.attributes());
            }
            return file;
        } catch (IOException e) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT,
                    "Could not create the known hosts file " + file + ": " + describe(e), e);
        }
    }

    /** Password line, then one public-key line each, as the server's {@code signup} command reads them. */
    private static byte[] signUpInput(char[] password, List<String> publicKeys) {
        StringBuilder keys = new StringBuilder();
        for (String key : publicKeys) {
            keys.append(key.strip()).append('\n');
        }
        CharBuffer chars = CharBuffer.allocate(password.length + 1 + keys.length());
        chars.put(password).put('\n').put(keys.toString()).flip();
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(chars);
        Arrays.fill(chars.array(), '\0');
        byte[] input = new byte[bytes.remaining()];
        bytes.get(input);
        if (bytes.hasArray()) {
            Arrays.fill(bytes.array(), (byte) 0);
        }
        return input;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "gallerist-ssh-client-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "it could not be read" : message;
    }
}
