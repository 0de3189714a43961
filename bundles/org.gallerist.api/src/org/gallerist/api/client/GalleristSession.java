package org.gallerist.api.client;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.gallerist.api.User;
import org.gallerist.api.account.AuthorizedKey;

/**
 * A logged-in connection. Thread-safe: each request runs on its own channel of the one SSH session.
 * <p>
 * The session remembers how it logged in. When the connection drops it logs in again by itself, a few times over
 * some seconds, checking the host key exactly as at the first login (a changed key is refused with
 * {@code host_key_changed}). Requests made meanwhile wait for that. A request whose connection was lost is sent
 * again once if that cannot apply it twice: reads, updates that set values, and uploads and orders, which the
 * server recognises when they come again. If logging in again fails, requests fail with
 * {@code connection_failed} and the next request tries again. Only {@link #close()} ends it for good.
 */
public interface GalleristSession extends AutoCloseable {

    ServerAddress server();

    /** The user this session logged in as, as the server reports it. */
    User whoami();

    /**
     * Whether an admin reset this account's password: until {@link #changePassword} with the reset's token, every
     * other request fails with {@code password_change_required}.
     */
    boolean passwordChangeRequired();

    /**
     * Sets a new password, proven by the current one or by a reset's one-time token. A session that logged in with
     * a password logs in with the new one from then on when it reconnects.
     *
     * @throws org.gallerist.api.GalleristException {@code forbidden} for a wrong current password or token,
     *                                              {@code weak_password} for a new one that is too easy to guess
     */
    void changePassword(char[] current, char[] next);

    AuthorizedKey addKey(String openSshLine);

    List<AuthorizedKey> keys();

    void removeKey(String fingerprint);

    /**
     * Runs any exec command and returns its JSON lines; for commands without a typed method yet.
     *
     * @param stdin bytes to send on stdin (empty for none)
     */
    List<Map<String, Object>> exec(List<String> command, byte[] stdin);

    /** The image repository through this session. */
    ImageRepository images();

    /** Orders through this session. */
    Shop shop();

    /** The server's version and start, from {@code server info}. */
    ServerFacts serverFacts();

    /** Accounts, for admins. */
    Administration admin();

    /** True until {@link #close()}; a dropped connection that is being or will be re-established is still open. */
    boolean isOpen();

    /** Where the connection stands now. */
    SessionState state();

    /**
     * Tells the listener of every later change of {@link #state()}, in order, on a thread of the client (never the
     * caller's); listeners should return quickly. The last call is {@link SessionState#CLOSED}.
     */
    void addStateListener(Consumer<SessionState> listener);

    void removeStateListener(Consumer<SessionState> listener);

    /** Ends the session for good: it logs out and never reconnects. */
    @Override
    void close();
}
