package org.gallerist.core.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.User;
import org.gallerist.api.account.AccountService;
import org.gallerist.spi.storage.AccountStore;
import org.gallerist.api.account.AuthorizedKey;
import org.gallerist.core.account.OpenSshPublicKeys;
import org.gallerist.core.account.PasswordHasher;
import org.gallerist.core.account.Passwords;
import org.gallerist.core.account.Usernames;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The account rules on top of whatever {@link AccountStore} the storage bundle provides. */
@Component(service = AccountService.class)
public class AccountServiceImpl implements AccountService {

    private final AccountStore store;
    private final PasswordHasher hasher;
    private final Clock clock;
    /** Verified against for unknown users so that a missing account takes as long as a wrong password. */
    private final String decoyHash;

    @Activate
    public AccountServiceImpl(@Reference AccountStore store) {
        this(store, new PasswordHasher(), Clock.systemUTC());
    }

    AccountServiceImpl(AccountStore store, PasswordHasher hasher, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
        this.decoyHash = hasher.hash("decoy-password".toCharArray());
    }

    @Override
    public User signUp(String username, char[] password, List<String> publicKeys) {
        Usernames.requireValidNew(username);
        Passwords.requireStrong(username, password);
        List<AuthorizedKey> keys = new ArrayList<>();
        for (String line : publicKeys) {
            AuthorizedKey key = OpenSshPublicKeys.parse(line, clock.instant());
            if (keys.stream().noneMatch(k -> k.fingerprint().equals(key.fingerprint()))) {
                keys.add(key);
            }
        }
        if (store.findUser(username).isPresent()) {
            throw userExists(username);
        }
        return store.createUser(username, hasher.hash(password), keys);
    }

    @Override
    public Optional<User> find(String username) {
        return Usernames.isValid(username) ? store.findUser(username) : Optional.empty();
    }

    @Override
    public boolean checkPassword(String username, char[] password) {
        Optional<User> user = find(username);
        String hash = user.filter(u -> !u.disabled()).flatMap(u -> store.passwordHash(username)).orElse(null);
        boolean matches = hasher.verify(password, hash == null ? decoyHash : hash);
        return hash != null && matches;
    }

    @Override
    public AuthorizedKey addKey(String username, String openSshLine) {
        requireUser(username);
        AuthorizedKey key = OpenSshPublicKeys.parse(openSshLine, clock.instant());
        store.addKey(username, key);
        return key;
    }

    @Override
    public List<AuthorizedKey> keys(String username) {
        requireUser(username);
        return store.keys(username);
    }

    @Override
    public void removeKey(String username, String fingerprint) {
        requireUser(username);
        if (fingerprint == null || fingerprint.isBlank() || !store.removeKey(username, fingerprint.strip())) {
            throw new GalleristException(ErrorCode.NOT_FOUND, "You have no key with fingerprint '" + fingerprint + "'.");
        }
    }

    @Override
    public List<User> list() {
        return store.listUsers();
    }

    @Override
    public User setDisabled(String username, boolean disabled) {
        requireUser(username);
        store.setDisabled(username, disabled);
        return requireUser(username);
    }

    private User requireUser(String username) {
        return find(username)
                .orElseThrow(() -> new GalleristException(ErrorCode.NOT_FOUND, "No user '" + username + "'."));
    }

    private static GalleristException userExists(String username) {
        return new GalleristException(ErrorCode.USER_EXISTS, "The username '" + username + "' is already taken.");
    }
}
