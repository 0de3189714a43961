package org.gallerist.tests.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.gallerist.api.client.ServerAddress;

/**
 * A TCP proxy on loopback between a client and a server, for losing answers on purpose: it can hold back what the
 * server sends ({@link #holdAnswerToNextRequest()}) and cut every connection ({@link #cut()}). Connections made
 * after a cut pass normally. Plain blocking sockets, two threads a connection; {@link #close()} closes all it opened.
 */
public final class LoopbackProxy implements AutoCloseable {

    private static final long JOIN_MS = 5_000;

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private volatile int accepted; // written by the accepting thread only

    private LoopbackProxy(ServerAddress target) throws IOException {
        this.target = new InetSocketAddress(target.host(), target.port());
        this.listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        start("proxy-accept", this::accept);
    }

    /** Starts listening on an ephemeral loopback port, forwarding to {@code target}. */
    public static LoopbackProxy to(ServerAddress target) throws IOException {
        return new LoopbackProxy(target);
    }

    public ServerAddress address() {
        return new ServerAddress(listener.getInetAddress().getHostAddress(), listener.getLocalPort());
    }

    /**
     * On every open connection, lets the next request start and then holds back all the server sends until
     * {@link #cut()}: so the server runs the request but its answer never arrives.
     * <p>
     * This knows one thing about SSH: a request opens a channel, and the client sends the command only after the
     * server confirmed the channel. So the server's bytes pass until the client has spoken, the server has
     * answered (the confirmation) and the client speaks again (the command and its input); from then on they wait.
     */
    public void holdAnswerToNextRequest() {
        links.forEach(Link::armHold);
    }

    /** Waits until some connection holds back server bytes, i.e. the server has answered a held request. */
    public boolean awaitHeldAnswer(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (System.nanoTime() < deadline) {
            if (links.stream().anyMatch(link -> link.holding)) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    /** Closes every connection open now (both sides), dropping whatever was held back. */
    public void cut() {
        // A client that reconnects at once may add a link while this runs: only the links closed here go.
        List<Link> open = new ArrayList<>(links);
        open.forEach(Link::close);
        links.removeAll(open);
    }

    /** How many connections the proxy has accepted so far. */
    public int connectionsAccepted() {
        return accepted;
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            accepted++;
            try {
                Socket server = new Socket();
                server.connect(target, 5_000);
                Link link = new Link(client, server);
                links.add(link);
                start("proxy-up-" + accepted, link::clientToServer);
                start("proxy-down-" + accepted, link::serverToClient);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void start(String name, Runnable body) {
        Thread thread = new Thread(body, "gallerist-test-" + name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        closeQuietly(listener);
        cut();
        for (Thread thread : new ArrayList<>(threads)) {
            thread.join(JOIN_MS);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing is all that is left to do
        }
    }

    /** One client connection and its connection to the server. */
    private static final class Link {
        private enum Hold { NONE, AWAIT_REQUEST, AWAIT_CONFIRMATION, AWAIT_COMMAND, HOLD }

        private final Socket client;
        private final Socket server;
        private Hold hold = Hold.NONE; // guarded by this
        private volatile boolean holding;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        synchronized void armHold() {
            hold = Hold.AWAIT_REQUEST;
        }

        void clientToServer() {
            pump(client, server, true);
        }

        void serverToClient() {
            pump(server, client, false);
        }

        private void pump(Socket from, Socket to, boolean upstream) {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read; (read = in.read(buffer)) >= 0;) {
                    if (upstream) {
                        clientSpoke();
                    } else if (!serverMaySpeak()) {
                        return; // cut while holding
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (SocketException e) {
                // cut
            } catch (IOException e) {
                // the other side went away
            } finally {
                close();
            }
        }

        /** Before the client's bytes go on, so that nothing the server answers to them can slip through. */
        private synchronized void clientSpoke() {
            if (hold == Hold.AWAIT_REQUEST) {
                hold = Hold.AWAIT_CONFIRMATION;
            } else if (hold == Hold.AWAIT_COMMAND) {
                hold = Hold.HOLD;
            }
        }

        /** Waits while holding; false once the connection is cut. */
        private synchronized boolean serverMaySpeak() {
            if (hold == Hold.AWAIT_CONFIRMATION) {
                hold = Hold.AWAIT_COMMAND;
            }
            while (hold == Hold.HOLD && !client.isClosed()) {
                holding = true;
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return !client.isClosed();
        }

        synchronized void close() {
            closeQuietly(client);
            closeQuietly(server);
            notifyAll();
        }
    }
}
