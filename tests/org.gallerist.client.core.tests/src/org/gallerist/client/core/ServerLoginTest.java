package org.gallerist.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.Role;
import org.gallerist.api.User;
import org.gallerist.api.client.Credentials;
import org.gallerist.api.client.GalleristClient;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.client.HostKeyTrust;
import org.gallerist.api.client.KeyFiles;
import org.gallerist.api.client.ServerAddress;
import org.junit.jupiter.api.Test;

class ServerLoginTest {
    private static final Path KNOWN_HOSTS = Path.of("/tmp/known_hosts");
    private static final ConnectionSettings SETTINGS = new ConnectionSettings("localhost", 2222, "alice");
    private static final User ALICE = new User("alice", Role.USER, false, Instant.EPOCH);

    private final List<String> calls = new ArrayList<>();
    private final List<Credentials> given = new ArrayList<>();

    private final GalleristClient client = new GalleristClient() {
        @Override
        public GalleristSession connect(ServerAddress server, Credentials credentials, Path knownHosts,
                HostKeyTrust trust) {
            calls.add("connect " + credentials.username() + "@" + server + " " + knownHosts);
            given.add(credentials);
            return new FakeSession(server, ALICE);
        }

        @Override
        public User signUp(ServerAddress server, String username, char[] password, List<String> publicKeys,
                Path knownHosts, HostKeyTrust trust) {
            calls.add("signUp " + username + "@" + server + " " + new String(password));
            return ALICE;
        }

        @Override
        public KeyFiles keyFiles() {
            throw new UnsupportedOperationException("not used by ServerLogin");
        }
    };

    @Test
    void theLoginMethodChoosesTheCredentials() {
        ServerLogin login = new ServerLogin(client, KNOWN_HOSTS, HostKeyTrust.REFUSE_UNKNOWN,
                Optional.of(Path.of("/run/agent.sock")));
        login.logIn(SETTINGS.withLogin(LoginMethod.KEY_FILE, "/home/alice/.ssh/id"), new char[0]);
        login.logIn(SETTINGS.withLogin(LoginMethod.KEY_FILE, "/home/alice/.ssh/id"), "phrase".toCharArray());
        login.logIn(SETTINGS.withLogin(LoginMethod.AGENT, ""), new char[0]);
        assertEquals(new Credentials.KeyFile("alice", Path.of("/home/alice/.ssh/id"), null).toString(),
                given.get(0).toString());
        assertEquals("phrase", new String(((Credentials.KeyFile) given.get(1)).passphrase()));
        assertEquals(new Credentials.Agent("alice", Path.of("/run/agent.sock")), given.get(2));
        GalleristException noAgent = assertThrows(GalleristException.class, () -> new ServerLogin(client, KNOWN_HOSTS,
                HostKeyTrust.REFUSE_UNKNOWN).logIn(SETTINGS.withLogin(LoginMethod.AGENT, ""), new char[0]));
        assertEquals(ErrorCode.INVALID_ARGUMENT, noAgent.code());
    }

    @Test
    void logInReturnsTheSessionAndTheUser() {
        Connection connection = new ServerLogin(client, KNOWN_HOSTS, HostKeyTrust.REFUSE_UNKNOWN)
                .logIn(SETTINGS, "secret".toCharArray());
        assertEquals(ALICE, connection.user());
        assertEquals(new ServerAddress("localhost", 2222), connection.server());
        assertEquals(List.of("connect alice@localhost:2222 /tmp/known_hosts"), calls);
    }

    @Test
    void createAccountSignsUpThenLogsIn() {
        new ServerLogin(client, KNOWN_HOSTS, HostKeyTrust.REFUSE_UNKNOWN)
                .createAccount(SETTINGS, "long secret".toCharArray());
        assertEquals(List.of("signUp alice@localhost:2222 long secret",
                "connect alice@localhost:2222 /tmp/known_hosts"), calls);
    }

    @Test
    void sessionIsClosedWhenWhoamiFails() {
        FakeSession broken = new FakeSession(new ServerAddress("localhost", 2222), ALICE) {
            @Override
            public User whoami() {
                throw new GalleristException(ErrorCode.CONNECTION_FAILED, "Connection lost.");
            }
        };
        GalleristClient failing = new GalleristClient() {
            @Override
            public GalleristSession connect(ServerAddress s, Credentials c, Path k, HostKeyTrust t) {
                return broken;
            }

            @Override
            public User signUp(ServerAddress s, String u, char[] p, List<String> keys, Path k, HostKeyTrust t) {
                throw new AssertionError();
            }

            @Override
            public KeyFiles keyFiles() {
                throw new AssertionError();
            }
        };
        GalleristException e = assertThrows(GalleristException.class,
                () -> new ServerLogin(failing, KNOWN_HOSTS, HostKeyTrust.REFUSE_UNKNOWN).logIn(SETTINGS,
                        "x".toCharArray()));
        assertSame(ErrorCode.CONNECTION_FAILED, e.code());
        assertFalse(broken.isOpen());
    }
}
