package org.gallerist.core.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.Role;
import org.gallerist.api.User;
import org.gallerist.api.account.AccountService;
import org.gallerist.api.log.LogText;
import org.gallerist.spi.storage.AccountStore;
import org.gallerist.api.account.AuthorizedKey;
import org.gallerist.core.account.OpenSshPublicKeys;
import org.gallerist.core.account.PasswordHasher;
import org.gallerist.core.account.Passwords;
import org.gallerist.core.account.Usernames;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account rules on top of whatever {@link AccountStore} the storage bundle provides. No sign-up makes an admin:
 * while none exists, each start logs a one-time token that makes the account redeeming it the first admin (or the
 * operator promotes one on the console).
 */
@Component(service = AccountService.class, immediate = true) // immediate: the token is logged at start
public class AccountServiceImpl implements AccountService {

    private static final Logger LOG = LoggerFactory.getLogger(AccountServiceImpl.class);
    /** Keys per account: enough for every device of a person, few enough that a login's lookup stays cheap. */
    static final int MAX_KEYS = 32;

    private final AccountStore store;
    private final PasswordHasher hasher;
    private final Clock clock;
    /** Verified against for unknown users so that a missing account takes as long as a wrong password. */
    private final String decoyHash;
    private final AdminToken adminToken = new AdminToken();
    /**
     * Accounts by name, so that the check of the caller that precedes every command costs no query. Role and the
     * disabled flag are the only fields that change, and only through this service, which evicts the entry after
     * the store has the change; misses and evictions hold the lock, so no read from before a change lands after it.
     */
    private final Map<String, User> users = new ConcurrentHashMap<>();

    @Activate
    public AccountServiceImpl(@Reference AccountStore store) {
        this(store, new PasswordHasher(), Clock.systemUTC());
    }

    AccountServiceImpl(AccountStore store, PasswordHasher hasher, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
        this.decoyHash = hasher.hash("decoy-password".toCharArray());
        if (!store.hasAdmin()) {
            String token = adminToken.issue();
            LOG.warn("No admin account yet. To make one, sign up (or log in) as the account that should be admin and"
                    + " run the command: users claim-admin {}   (e.g. ssh -p PORT NAME@HOST users claim-admin {}),"
                    + " or on the server console: gallerist:promote NAME. The token works once, only until an admin"
                    + " exists, and only until the server stops.", token, token);
        }
    }

    @Override
    public User signUp(String username, char[] password, List<String> publicKeys) {
        Usernames.requireValidNew(username);
        Passwords.requireStrong(username, password);
        List<AuthorizedKey> keys = new ArrayList<>();
        if (publicKeys.size() > MAX_KEYS) {
            throw tooManyKeys();
        }
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

    private static GalleristException tooManyKeys() {
        return new GalleristException(ErrorCode.QUOTA_EXCEEDED, "An account may have at most " + MAX_KEYS
                + " SSH keys; remove one first (keys remove FINGERPRINT).",
                Map.of(GalleristException.LIMIT, "keys", GalleristException.MAX, MAX_KEYS));
    }

    @Override
    public Optional<User> find(String username) {
        if (!Usernames.isValid(username)) {
            return Optional.empty();
        }
        User known = users.get(username);
        if (known != null) {
            return Optional.of(known);
        }
        synchronized (users) {
            Optional<User> found = store.findUser(username);
            found.ifPresent(user -> users.put(username, user));
            return found;
        }
    }

    private void changed(String username) {
        synchronized (users) {
            users.remove(username);
        }
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
        // checked before the insert without a lock: two keys added at the same instant may pass 32 by one
        if (store.keys(username).size() >= MAX_KEYS) {
            throw tooManyKeys();
        }
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
        changed(username);
        return requireUser(username);
    }

    @Override
    public User promote(User caller, String username) {
        requireAdmin(caller, "make admins");
        return changeRole(username, Role.ADMIN);
    }

    @Override
    public User demote(User caller, String username) {
        requireAdmin(caller, "demote admins");
        return changeRole(username, Role.USER);
    }

    @Override
    public User claimAdmin(User caller, String token) {
        User claimant = requireUser(caller.name());
        if (store.hasAdmin()) {
            adminToken.revoke();
            throw new GalleristException(ErrorCode.FORBIDDEN,
                    "This server has an admin already; ask them to run: users promote " + caller.name());
        }
        if (!adminToken.redeem(token)) {
            throw new GalleristException(ErrorCode.FORBIDDEN, "That is not the admin token this server logged at"
                    + " its last start (a token works once; restarting the server logs a new one).");
        }
        store.setRole(claimant.name(), Role.ADMIN);
        changed(claimant.name());
        LOG.info("{} claimed the admin role with the one-time token", LogText.quote(claimant.name()));
        return requireUser(claimant.name());
    }

    private User changeRole(String username, Role role) {
        if (username == null || !Usernames.isValid(username) || !store.setRole(username, role)) {
            throw new GalleristException(ErrorCode.NOT_FOUND, "No user '" + username + "'.");
        }
        changed(username);
        if (role == Role.ADMIN) {
            adminToken.revoke();
        }
        return requireUser(username);
    }

    private static void requireAdmin(User caller, String what) {
        if (caller == null || !caller.isAdmin()) {
            throw new GalleristException(ErrorCode.FORBIDDEN, "Only an admin may " + what + ".");
        }
    }

    private User requireUser(String username) {
        return find(username)
                .orElseThrow(() -> new GalleristException(ErrorCode.NOT_FOUND, "No user '" + username + "'."));
    }

    private static GalleristException userExists(String username) {
        return new GalleristException(ErrorCode.USER_EXISTS, "The username '" + username + "' is already taken.");
    }
}
