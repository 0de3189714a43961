package org.gallerist.transport.ssh.client.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.User;
import org.gallerist.api.account.AuthorizedKey;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.client.ImageRepository;
import org.gallerist.api.client.Shop;
import org.gallerist.api.client.ServerAddress;

/** One logged-in SSH session; every request is its own exec channel, so requests may run concurrently. */
final class SshGalleristSession implements GalleristSession {

    private static final Duration CHANNEL_OPEN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration EARLY_ANSWER_WAIT = Duration.ofSeconds(5);
    private static final byte[] NO_INPUT = new byte[0];

    private final ClientSession session;
    private final ServerAddress server;
    private final WireJson json;
    private final ImageRepository images = new RemoteImages(this);
    private final Shop shop = new RemoteShop(this);

    SshGalleristSession(ClientSession session, ServerAddress server, WireJson json) {
        this.session = session;
        this.server = server;
        this.json = json;
    }

    @Override
    public ServerAddress server() {
        return server;
    }

    @Override
    public User whoami() {
        return json.user(single(exec(List.of("whoami"), NO_INPUT), "whoami"));
    }

    @Override
    public AuthorizedKey addKey(String openSshLine) {
        byte[] input = (openSshLine.strip() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return json.key(single(exec(List.of("keys", "add"), input), "keys add"));
    }

    @Override
    public List<AuthorizedKey> keys() {
        return exec(List.of("keys", "list"), NO_INPUT).stream().map(json::key).toList();
    }

    @Override
    public void removeKey(String fingerprint) {
        exec(List.of("keys", "remove", fingerprint), NO_INPUT);
    }

    @Override
    public List<Map<String, Object>> exec(List<String> command, byte[] stdin) {
        if (command.isEmpty()) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "No command given.");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = run(ShellQuoting.join(command), stdin == null ? NO_INPUT : stdin, out, err);
        if (status != 0) {
            throw json.error(err.toByteArray(), status);
        }
        return json.lines(out.toByteArray());
    }

    /** Runs one command to its end; no time limit, but closing the session ends the wait. */
    int run(String commandLine, byte[] stdin, OutputStream out, OutputStream err) {
        return run(commandLine, new ByteArrayInputStream(stdin), out, err);
    }

    /** Like {@link #run(String, byte[], OutputStream, OutputStream)}, streaming stdin from {@code stdin}. */
    int run(String commandLine, InputStream stdin, OutputStream out, OutputStream err) {
        if (!session.isOpen()) {
            throw lost();
        }
        try (ChannelExec channel = session.createExecChannel(commandLine)) {
            channel.setOut(out);
            channel.setErr(err);
            channel.open().verify(CHANNEL_OPEN_TIMEOUT);
            try (OutputStream in = channel.getInvertedIn()) {
                stdin.transferTo(in);
            } catch (IOException e) {
                // A server that rejects a request early (bad option, too large) closes the channel while we still
                // send; its exit status and error then say more than the broken pipe does.
                channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), EARLY_ANSWER_WAIT.toMillis());
                if (channel.getExitStatus() == null) {
                    throw e;
                }
            } // closing stdin sends EOF, which commands reading their input wait for
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), 0L);
            Integer status = channel.getExitStatus();
            if (status == null) {
                throw lost();
            }
            return status;
        } catch (IOException e) {
            if (!session.isOpen()) {
                throw lost();
            }
            throw new GalleristException(ErrorCode.CONNECTION_FAILED,
                    "The request to " + server + " failed: " + Failures.reason(e), e);
        }
    }

    /** Runs a command whose stdout is bytes, e.g. {@code images get}. */
    byte[] bytes(List<String> command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = run(ShellQuoting.join(command), NO_INPUT, out, err);
        if (status != 0) {
            throw json.error(err.toByteArray(), status);
        }
        return out.toByteArray();
    }

    /**
     * Like {@link #exec} but returns the result lines even when the command failed, for bulk commands that report
     * per item; fails only when there are no result lines at all.
     */
    List<Map<String, Object>> execKeepingLines(List<String> command, byte[] stdin) {
        return execKeepingLines(command, new ByteArrayInputStream(stdin));
    }

    List<Map<String, Object>> execKeepingLines(List<String> command, InputStream stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = run(ShellQuoting.join(command), stdin, out, err);
        List<Map<String, Object>> lines = json.lines(out.toByteArray());
        if (status != 0 && lines.isEmpty()) {
            throw json.error(err.toByteArray(), status);
        }
        return lines;
    }

    @Override
    public ImageRepository images() {
        return images;
    }

    @Override
    public Shop shop() {
        return shop;
    }

    @Override
    public boolean isOpen() {
        return session.isOpen();
    }

    @Override
    public void close() {
        session.close(true);
    }

    private GalleristException lost() {
        return new GalleristException(ErrorCode.CONNECTION_FAILED, "The connection to " + server + " was lost.");
    }

    private static Map<String, Object> single(List<Map<String, Object>> lines, String command) {
        if (lines.isEmpty()) {
            throw new GalleristException(ErrorCode.INTERNAL, "The server sent no answer to '" + command + "'.");
        }
        return lines.get(0);
    }
}
