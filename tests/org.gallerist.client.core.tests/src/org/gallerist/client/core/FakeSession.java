package org.gallerist.client.core;

import java.util.List;
import java.util.Map;

import org.gallerist.api.User;
import org.gallerist.api.account.AuthorizedKey;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.client.ServerAddress;

class FakeSession implements GalleristSession {
    private final ServerAddress server;
    private final User user;
    boolean open = true;

    FakeSession(ServerAddress server, User user) {
        this.server = server;
        this.user = user;
    }

    @Override
    public ServerAddress server() {
        return server;
    }

    @Override
    public User whoami() {
        return user;
    }

    @Override
    public boolean passwordChangeRequired() {
        return false;
    }

    @Override
    public void changePassword(char[] current, char[] next) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AuthorizedKey addKey(String openSshLine) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<AuthorizedKey> keys() {
        return List.of();
    }

    @Override
    public void removeKey(String fingerprint) {
    }

    @Override
    public List<Map<String, Object>> exec(List<String> command, byte[] stdin) {
        return List.of();
    }

    @Override
    public org.gallerist.api.client.ImageRepository images() {
        throw new UnsupportedOperationException("not needed by the session-model tests");
    }

    @Override
    public org.gallerist.api.client.ServerFacts serverFacts() {
        throw new UnsupportedOperationException();
    }

    @Override
    public org.gallerist.api.client.Administration admin() {
        throw new UnsupportedOperationException();
    }

    @Override
    public org.gallerist.api.client.Shop shop() {
        throw new UnsupportedOperationException("not needed by the session-model tests");
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public org.gallerist.api.client.SessionState state() {
        return open ? org.gallerist.api.client.SessionState.CONNECTED : org.gallerist.api.client.SessionState.CLOSED;
    }

    @Override
    public void addStateListener(java.util.function.Consumer<org.gallerist.api.client.SessionState> listener) {
    }

    @Override
    public void removeStateListener(java.util.function.Consumer<org.gallerist.api.client.SessionState> listener) {
    }

    @Override
    public void close() {
        open = false;
    }
}
