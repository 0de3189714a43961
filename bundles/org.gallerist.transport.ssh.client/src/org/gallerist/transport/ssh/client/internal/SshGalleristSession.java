package org.gallerist.transport.ssh.client.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.User;
import org.gallerist.api.account.AuthorizedKey;
import org.gallerist.api.client.Administration;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.client.ServerFacts;
import org.gallerist.api.client.ImageRepository;
import org.gallerist.api.client.ServerAddress;
import org.gallerist.api.client.SessionState;
import org.gallerist.api.client.Shop;
import org.gallerist.protocol.Replies;
import org.gallerist.protocol.WireJson;
import org.gallerist.protocol.command.Account;
import org.gallerist.protocol.command.CommandCatalogue;
import org.gallerist.protocol.command.Keys;
import org.gallerist.protocol.command.Password;
import org.gallerist.protocol.command.Replay;
import org.gallerist.protocol.command.Server;
import org.gallerist.protocol.command.WireCommand;

/**
 * One logged-in user on a {@link LiveConnection}; every request is its own exec channel, so requests may run
 * concurrently. A request whose connection was lost is sent once more when that is safe (see {@link #request}).
 */
final class SshGalleristSession implements GalleristSession {

    private static final byte[] NO_INPUT = new byte[0];
    /** Codes that say the connection failed, which the server itself never answers. */
    private static final Set<ErrorCode> TRANSPORT_FAILURES = Set.of(ErrorCode.CONNECTION_FAILED,
            ErrorCode.HOST_KEY_CHANGED, ErrorCode.HOST_KEY_REJECTED);

    private final LiveConnection connection;
    private final WireJson json;
    private final CommandCatalogue catalogue;
    private final ImageRepository images = new RemoteImages(this);
    private final Shop shop = new RemoteShop(this);
    private final Administration admin = new RemoteAdministration(this);
    private final LoginSecret secret;

    SshGalleristSession(LiveConnection connection, WireJson json, CommandCatalogue catalogue, LoginSecret secret) {
        this.connection = connection;
        this.json = json;
        this.catalogue = catalogue;
        this.secret = secret;
    }

    /**
     * One try at a request. {@code again} is true for a second try whose first may have been applied before its
     * connection was lost, so that the try can read an answer such as "already there" as the first one's work.
     */
    @FunctionalInterface
    interface Attempt<T> {
        T run(boolean again);
    }

    /**
     * Runs a request and, if its connection was lost, once more on the connection that replaces it: always when
     * the first try never reached the server, otherwise only if the request is {@code replayable}, i.e. sending
     * it twice changes nothing more than sending it once.
     */
    <T> T request(boolean replayable, Attempt<T> attempt) {
        try {
            return attempt.run(false);
        } catch (ConnectionLost lost) {
            if (lost.mayHaveRun() && !replayable) {
                throw lost;
            }
            try {
                return attempt.run(lost.mayHaveRun());
            } catch (GalleristException e) {
                boolean saysSo = e instanceof ConnectionLost lostAgain && lostAgain.mayHaveRun();
                if (lost.mayHaveRun() && TRANSPORT_FAILURES.contains(e.code()) && !saysSo) {
                    throw new GalleristException(e.code(), e.getMessage() + " The request may have been applied"
                            + " before the connection was lost.", e);
                }
                throw e;
            }
        }
    }

    /** The words of a request's command line. */
    List<String> words(WireCommand request) {
        return catalogue.words(request);
    }

    /** A request whose answer is its JSON lines, sent again after a lost connection if the protocol says it may. */
    List<WireJson.Line> exec(WireCommand request, byte[] stdin) {
        return exec(words(request), stdin, request.replay() == Replay.Safety.SAFE);
    }

    /** Such a request's one answer line. */
    <T> T single(WireCommand request, byte[] stdin, Class<T> type) {
        List<String> words = words(request);
        return single(exec(request, stdin), String.join(" ", words.subList(0, Math.min(2, words.size())))).as(type);
    }

    /** One try: the command's JSON lines, or the error the server answered. */
    List<WireJson.Line> lines(List<String> command, byte[] stdin) {
        Reply reply = send(command, stdin);
        if (reply.status != 0) {
            throw json.error(reply.err, reply.status);
        }
        return json.lines(reply.out);
    }

    /**
     * One try, for bulk commands that report per item: the result lines even when the command failed; fails only
     * when there are no result lines at all.
     */
    List<WireJson.Line> linesEvenIfFailed(List<String> command, InputStream stdin) {
        Reply reply = send(command, stdin);
        List<WireJson.Line> lines = json.lines(reply.out);
        if (reply.status != 0 && lines.isEmpty()) {
            throw json.error(reply.err, reply.status);
        }
        return lines;
    }

    /** A read whose stdout is bytes, e.g. {@code images get}. */
    byte[] bytes(WireCommand request) {
        List<String> command = words(request);
        return request(request.replay() == Replay.Safety.SAFE, again -> {
            Reply reply = send(command, NO_INPUT);
            if (reply.status != 0) {
                throw json.error(reply.err, reply.status);
            }
            return reply.out;
        });
    }

    /** A request that is sent again after a lost connection only if {@code replayable}. */
    List<WireJson.Line> exec(List<String> command, byte[] stdin, boolean replayable) {
        return request(replayable, again -> lines(command, stdin));
    }

    @Override
    public List<Map<String, Object>> exec(List<String> command, byte[] stdin) {
        if (command.isEmpty()) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "No command given.");
        }
        return exec(command, stdin == null ? NO_INPUT : stdin, catalogue.safeToReplay(command)).stream()
                .map(WireJson.Line::asMap).toList();
    }

    @Override
    public ServerAddress server() {
        return connection.server();
    }

    @Override
    public User whoami() {
        return single(new Account.Whoami(), NO_INPUT, Replies.Account.class).toUser();
    }

    @Override
    public boolean passwordChangeRequired() {
        return single(new Account.Whoami(), NO_INPUT, Replies.Account.class).mustChangePassword();
    }

    /** Never sent twice: a lost answer leaves it unknown whether the old or the new password now works. */
    @Override
    public void changePassword(char[] current, char[] next) {
        byte[] input = (new String(current) + "\n" + new String(next) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            single(new Password.Set(), input, Replies.PasswordChanged.class);
        } finally {
            java.util.Arrays.fill(input, (byte) 0);
        }
        secret.passwordChanged(next);
    }

    /** A key that is already there after a lost answer was added by the first try. */
    @Override
    public AuthorizedKey addKey(String openSshLine) {
        byte[] input = (openSshLine.strip() + "\n").getBytes(StandardCharsets.UTF_8);
        return request(true, again -> {
            try {
                return single(lines(words(new Keys.Add()), input), "keys add").as(Replies.PublicKey.class).toKey();
            } catch (GalleristException e) {
                if (again && e.code() == ErrorCode.DUPLICATE) {
                    return keys().stream().filter(key -> sameKey(key.openSshLine(), openSshLine)).findFirst()
                            .orElseThrow(() -> e);
                }
                throw e;
            }
        });
    }

    @Override
    public List<AuthorizedKey> keys() {
        return exec(new Keys.List(), NO_INPUT).stream().map(line -> line.as(Replies.PublicKey.class).toKey()).toList();
    }

    /** A key that is gone after a lost answer was removed by the first try. */
    @Override
    public void removeKey(String fingerprint) {
        goneOnSecondTry(words(new Keys.Remove(fingerprint)));
    }

    /** For changes that make their subject go away: a second try that finds it gone means the first one did it. */
    void goneOnSecondTry(List<String> command) {
        request(true, again -> {
            try {
                return lines(command, NO_INPUT);
            } catch (GalleristException e) {
                if (again && e.code() == ErrorCode.NOT_FOUND) {
                    return List.of();
                }
                throw e;
            }
        });
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
    public ServerFacts serverFacts() {
        return single(new Server.Info(), NO_INPUT, ServerFacts.class);
    }

    @Override
    public Administration admin() {
        return admin;
    }

    @Override
    public boolean isOpen() {
        return connection.state() != SessionState.CLOSED;
    }

    @Override
    public SessionState state() {
        return connection.state();
    }

    @Override
    public void addStateListener(Consumer<SessionState> listener) {
        connection.events().add(listener);
    }

    @Override
    public void removeStateListener(Consumer<SessionState> listener) {
        connection.events().remove(listener);
    }

    @Override
    public void close() {
        connection.close();
    }

    private Reply send(List<String> command, byte[] stdin) {
        return send(command, new ByteArrayInputStream(stdin));
    }

    private Reply send(List<String> command, InputStream stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Exec.run(connection.session(), connection.server(), ShellQuoting.join(command), stdin, out, err);
        return new Reply(status, out.toByteArray(), err.toByteArray());
    }

    private record Reply(int status, byte[] out, byte[] err) {
    }

    /** The same key material, whatever the comments: an OpenSSH line is {@code type base64 [comment]}. */
    private static boolean sameKey(String a, String b) {
        String[] first = a.strip().split("\\s+");
        String[] second = b.strip().split("\\s+");
        return first.length > 1 && second.length > 1 && first[1].equals(second[1]);
    }

    static WireJson.Line single(List<WireJson.Line> lines, String command) {
        if (lines.isEmpty()) {
            throw new GalleristException(ErrorCode.INTERNAL, "The server sent no answer to '" + command + "'.");
        }
        return lines.get(0);
    }
}
