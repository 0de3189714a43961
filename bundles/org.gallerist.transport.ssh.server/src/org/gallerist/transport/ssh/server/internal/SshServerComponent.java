package org.gallerist.transport.ssh.server.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
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
import org.apache.sshd.server.channel.ChannelSessionFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.session.ServerConnectionServiceFactory;
import org.gallerist.api.account.AccountService;
import org.gallerist.api.server.ServerEndpoint;
import org.gallerist.protocol.WireJson;
import org.gallerist.spi.storage.DataFolder;
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
    private static final int MAX_CONCURRENT_COMMANDS = 64;

    private final SshServer server;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService timer;
    private final ServiceRegistration<ServerEndpoint> registration;

    @Activate
    public SshServerComponent(ServerConfig config, @Reference DataFolder data, @Reference AccountService accounts,
            @Reference CommandRegistry registry, BundleContext context) throws IOException, GeneralSecurityException {
        KeyPair hostKey = HostKey.loadOrCreate(data.path());
        workers = new ThreadPoolExecutor(MAX_CONCURRENT_COMMANDS, MAX_CONCURRENT_COMMANDS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads("gallerist-ssh-command-"));
        workers.allowCoreThreadTimeOut(true);
        timer = Executors.newSingleThreadScheduledExecutor(threads("gallerist-ssh-auth-delay-"));
        Clock clock = Clock.systemUTC();
        WireJson json = new WireJson();
        SignupCommand signup = new SignupCommand(accounts, config.signupEnabled(),
                new SignupRateLimiter(clock, Math.max(1, config.signupPerHour())));
        CommandDispatcher dispatcher = new CommandDispatcher(accounts, registry, signup, json);
        AccountAuthenticator authenticator = new AccountAuthenticator(accounts, new LoginBackoff(clock), workers, timer);

        server = SshServer.setUpDefaultServer();
        try {
            ModernAlgorithms.apply(server, ServerBuilder.DH2KEX);
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
            CoreModuleProperties.AUTH_TIMEOUT.set(server, Duration.ofMinutes(1));
            // sessions only: no direct-tcpip, no forwarding of ports, agents or X11, no subsystems (sftp, scp)
            server.setChannelFactories(List.of(ChannelSessionFactory.INSTANCE));
            server.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
            server.setSubsystemFactories(List.of());
            server.setAgentFactory(null);
            server.setShellFactory(channel -> new NoShellCommand());
            server.setCommandFactory((channel, command) -> new ExecCommand(command, dispatcher, workers));
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
        workers.shutdownNow();
        timer.shutdownNow();
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
