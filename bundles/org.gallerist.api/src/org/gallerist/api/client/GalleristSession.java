package org.gallerist.api.client;

import java.util.List;
import java.util.Map;

import org.gallerist.api.User;
import org.gallerist.api.account.AuthorizedKey;

/** A logged-in connection. Thread-safe: each request runs on its own channel of the one SSH session. */
public interface GalleristSession extends AutoCloseable {

    ServerAddress server();

    /** The user this session logged in as, as the server reports it. */
    User whoami();

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

    boolean isOpen();

    @Override
    void close();
}
