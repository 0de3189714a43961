package org.gallerist.transport.ssh.server.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.session.ServerConnectionServiceFactory;
import org.gallerist.api.account.AccountService;
import org.gallerist.api.server.ServerEndpoint;
import org.gallerist.protocol.WireJson;
import org.gallerist.spi.storage.DataFolder;
import org.gallerist.transport.ssh.common.internal.LowLatencySockets;
import org.gallerist.transport.ssh.common.internal.ModernAlgorithms;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SSH server: listens while a {@link DataFolder} is configured, and announces itself as a
 * {@link ServerEndpoint} (actual port, host-key fingerprint) once it accepts connections.
 */
@Component(service = {}, immediate = true, configurationPid = ServerConfig.PID)
@Designate(ocd = ServerConfig.class)
public class SshServerComponent {

    private static final Logger LOG = LoggerFactory.getLogger(SshServerComponent.class);
    /** OpenSSH's MaxAuthTries is 6; the first "none" probe and key probes count here too. */
    private static final int MAX_AUTH_REQUESTS = 10;
    private static final int MAX_REMEMBERED_SOURCES = 100_000;

    private final SshServer server;
    private final ExecutorService commands;
    private final ThreadPoolExecutor passwordChecks;
    private final ScheduledExecutorService timer;
    private final ServiceRegistration<ServerEndpoint> registration;

    @Activate
    public SshServerComponent(ServerConfig config, @Reference DataFolder data, @Reference AccountService accounts,
            @Reference CommandRegistry registry, BundleContext context) throws IOException, GeneralSecurityException {
        KeyPair hostKey = HostKey.of(config.hostKeyFile(), data.path());
        // a command mostly waits (for input, the disk, the client reading): a virtual thread each costs no platform
        // thread; what needs CPU or memory is bounded where it is spent (password checks here, decodes in imaging)
        commands = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("gallerist-ssh-command-", 1).factory());
        passwordChecks = passwordCheckPool(config);
        timer = Executors.newSingleThreadScheduledExecutor(threads("gallerist-ssh-timer-"));
        Clock clock = Clock.systemUTC();
        WireJson json = new WireJson();
        SignupCommand signup = new SignupCommand(accounts, config.signupEnabled(),
                new SignupRateLimiter(clock, Math.max(1, config.signupPerHour())));
        CommandDispatcher dispatcher = new CommandDispatcher(accounts, registry, signup, json);
        PasswordThrottle throttle = new PasswordThrottle(clock, config.accountFailuresBeforeBlock(),
                config.sourceFailuresBeforeBlock(), Duration.ofSeconds(config.blockSeconds()),
                Duration.ofSeconds(config.maxBlockSeconds()));
        AccountAuthenticator authenticator = new AccountAuthenticator(accounts, throttle, passwordChecks, timer);
        ConnectionGuard guard = new ConnectionGuard(limits(config), new SourcePenalties(clock,
                Duration.ofSeconds(config.penaltyMinSeconds()), Duration.ofSeconds(config.penaltyMaxSeconds()),
                MAX_REMEMBERED_SOURCES), clock, new SecureRandom(), timer);
        ExecCommand.Setup commandSetup = new ExecCommand.Setup(dispatcher, commands, timer, new ExecCommand.Limits(
                Duration.ofSeconds(config.stdinTimeoutSeconds()), Duration.ofSeconds(config.commandTimeoutSeconds())));

        server = SshServer.setUpDefaultServer();
        try {
            ModernAlgorithms.apply(server, ServerBuilder.DH2KEX);
            LowLatencySockets.apply(server);
            server.setHost(config.host());
            server.setPort(config.port());
            server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
            server.setServiceFactories(List.of(new SignupUserAuthService.Factory(config.signupEnabled()),
                    ServerConnectionServiceFactory.INSTANCE));
            server.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE, UserAuthPasswordFactory.INSTANCE));
            server.setPasswordAuthenticator(authenticator);
            server.setPublickeyAuthenticator(authenticator);
            server.setKeyboardInteractiveAuthenticator(null);
            server.setHostBasedAuthenticator(null);
            server.setGSSAuthenticator(null);
            CoreModuleProperties.MAX_AUTH_REQUESTS.set(server, MAX_AUTH_REQUESTS);
            CoreModuleProperties.AUTH_TIMEOUT.set(server, Duration.ofSeconds(config.loginGraceSeconds()));
            server.setIoServiceEventListener(guard);
            server.addSessionListener(guard);
            // sessions only: no direct-tcpip, no forwarding of ports, agents or X11, no subsystems (sftp, scp)
            server.setChannelFactories(List.of(new BoundedSessionChannels(config.maxChannelsPerSession())));
            server.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
            server.setSubsystemFactories(List.of());
            server.setAgentFactory(null);
            server.setShellFactory(channel -> new NoShellCommand());
            server.setCommandFactory((channel, command) -> new ExecCommand(command, commandSetup));
            server.start();
        } catch (IOException | RuntimeException e) {
            shutDown();
            throw e;
        }
        int port = boundPort(config.port());
        String fingerprint = HostKey.fingerprint(hostKey);
        LOG.info("Gallerist SSH server listening on {}:{} (host key {})", config.host(), port, fingerprint);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("host", config.host());
        properties.put("port", port);
        properties.put("hostKeyFingerprint", fingerprint);
        registration = context.registerService(ServerEndpoint.class, new Endpoint(config.host(), port, fingerprint),
                properties);
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework is stopping and took it already
        }
        shutDown();
        LOG.info("Gallerist SSH server stopped");
    }

    private void shutDown() {
        try {
            server.stop(true);
        } catch (IOException e) {
            LOG.warn("Stopping the SSH server: {}", e.toString());
        }
        commands.shutdownNow();
        passwordChecks.shutdownNow();
        timer.shutdownNow();
    }

    private static ThreadPoolExecutor passwordCheckPool(ServerConfig config) {
        int threads = config.passwordCheckThreads() > 0 ? config.passwordCheckThreads()
                : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        BlockingQueue<Runnable> waiting = config.passwordCheckQueue() > 0
                ? new ArrayBlockingQueue<>(config.passwordCheckQueue()) : new SynchronousQueue<>();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, waiting,
                threads("gallerist-password-check-"), new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ConnectionGuard.Limits limits(ServerConfig config) {
        return new ConnectionGuard.Limits(StartupLimit.parse(config.maxStartups()), config.maxStartupsPerSource(),
                config.maxSessions(), config.maxSessionsPerAccount(), config.maxSessionsPerSource(),
                Duration.ofSeconds(config.loginGraceSeconds()),
                Duration.ofSeconds(config.graceExceededPenaltySeconds()),
                Duration.ofSeconds(config.noAuthPenaltySeconds()));
    }

    private int boundPort(int configured) {
        for (SocketAddress address : server.getBoundAddresses()) {
            if (address instanceof InetSocketAddress inet) {
                return inet.getPort();
            }
        }
        return configured == 0 ? server.getPort() : configured;
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
