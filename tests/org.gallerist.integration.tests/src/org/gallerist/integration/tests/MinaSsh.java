package org.gallerist.integration.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/**
 * A raw SSH client (Apache Mina's) for tests that act as an attacker would: channels opened and left waiting,
 * password guesses, connections from other loopback addresses (127.0.0.2, ...), and TCP connections that never
 * log in. Honest clients in tests are stock OpenSSH or Gallerist's own client.
 */
final class MinaSsh implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    /** One exec channel: its streams, and what it wrote once it ended. */
    record Exec(ChannelExec channel, ByteArrayOutputStream stdout, ByteArrayOutputStream stderr) {
        OutputStream stdin() {
            return channel.getInvertedIn();
        }

        /** Waits for the channel to close; its exit status, or -1 if it gave none. */
        int awaitExit(Duration timeout) {
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
            Integer status = channel.getExitStatus();
            return status == null ? -1 : status;
        }

        String errorText() {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    private final SshClient client = SshClient.setUpDefaultClient();
    private final int port;

    MinaSsh(int port) {
        this.port = port;
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
    }

    /** A session logged in with a password, connecting from {@code source} (a loopback address). */
    ClientSession logIn(String source, String user, String password) throws IOException {
        ClientSession session = connect(source, user);
        session.addPasswordIdentity(password);
        session.auth().verify(WAIT);
        return session;
    }

    /** True if the server accepted the password (false for a refusal, however fast). */
    boolean tryPassword(String source, String user, String password) throws IOException {
        try (ClientSession session = connect(source, user)) {
            session.addPasswordIdentity(password);
            return session.auth().await(WAIT) && session.isAuthenticated();
        } catch (IOException refused) {
            return false;
        }
    }

    ClientSession connect(String source, String user) throws IOException {
        return client.connect(user, new InetSocketAddress("127.0.0.1", port), null,
                new InetSocketAddress(source, 0)).verify(WAIT).getSession();
    }

    /** Opens an exec channel and leaves its stdin open. */
    static Exec exec(ClientSession session, String command) throws IOException {
        ChannelExec channel = session.createExecChannel(command);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        channel.setOut(out);
        channel.setErr(err);
        channel.open().verify(WAIT);
        return new Exec(channel, out, err);
    }

    /**
     * A TCP connection from {@code source} that reads the server's identification line and then sends nothing:
     * it holds the pre-login stage open. Returns null if the server closed it without a word.
     */
    static Socket holdPreLogin(String source, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(source, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(10_000);
        int first;
        try {
            first = socket.getInputStream().read();
        } catch (IOException reset) {
            first = -1;
        }
        if (first != 'S') {
            socket.close();
            return null;
        }
        return socket;
    }

    /** Waits until the server closes the connection; false if it still holds it after {@code timeout}. */
    static boolean closedByServer(Socket socket, Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        try (socket) {
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // the rest of the identification line and any key-exchange packet
            }
            return true;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() {
        client.stop();
    }
}
