package org.gallerist.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.gallerist.api.account.PasswordReset;
import org.gallerist.api.log.LogText;
import org.gallerist.spi.storage.AccountStore;
import org.gallerist.spi.storage.PendingReset;
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
    /** How long a reset's token works: a working day to reach the user, short enough not to linger. */
    static final Duration RESET_VALIDITY = Duration.ofHours(24);
    /** Wrong current passwords in {@code password set} before it refuses for a while: a logged-in session is no
     *  place to guess a password from. */
    static final int MAX_WRONG_CURRENT = 5;
    static final Duration WRONG_CURRENT_WINDOW = Duration.ofMinutes(15);

    private final AccountStore store;
    private final PasswordHasher hasher;
    private final Clock clock;
    /** Verified against for unknown users so that a missing account takes as long as a wrong password. */
    private final String decoyHash;
    private final AdminToken adminToken = new AdminToken();
    private final ResetTokens resetTokens = new ResetTokens();
    /** Recent wrong current passwords per account; only logged-in accounts get here, so it is bounded by them. */
    private final Map<String, List<Instant>> wrongCurrent = new ConcurrentHashMap<>();
    /**
     * Accounts by name, so that the check of the caller that precedes every command costs no query. Role, the
     * disabled flag and a pending reset are the only things that change, and only through this service, which
     * evicts the entry after the store has the change; misses and evictions hold the lock, so no read from before a
     * change lands after it.
     */
    private final Map<String, Known> users = new ConcurrentHashMap<>();

    private record Known(User user, boolean resetPending) {
    }

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
        return known(username).map(Known::user);
    }

    private Optional<Known> known(String username) {
        Known known = users.get(username);
        if (known != null) {
            return Optional.of(known);
        }
        synchronized (users) {
            Optional<Known> found = store.findUser(username)
                    .map(user -> new Known(user, store.pendingReset(username).isPresent()));
            found.ifPresent(entry -> users.put(username, entry));
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
        Optional<Known> user = known(username).filter(u -> !u.user().disabled());
        if (user.isPresent() && user.get().resetPending()) {
            hasher.verify(password, decoyHash); // as slow as a password check, so a pending reset does not show
            return tokenMatches(username, password);
        }
        String hash = user.flatMap(u -> store.passwordHash(username)).orElse(null);
        boolean matches = hasher.verify(password, hash == null ? decoyHash : hash);
        return hash != null && matches;
    }

    private boolean tokenMatches(String username, char[] offered) {
        return store.pendingReset(username)
                .filter(reset -> reset.expires().isAfter(clock.instant()))
                .map(reset -> ResetTokens.matches(offered, reset.tokenHash()))
                .orElse(false);
    }

    @Override
    public PasswordReset resetPassword(User caller, String username) {
        requireAdmin(caller, "reset passwords");
        User user = find(username)
                .orElseThrow(() -> new GalleristException(ErrorCode.NOT_FOUND, "No user '" + username + "'."));
        String token = resetTokens.issue();
        Instant expires = clock.instant().plus(RESET_VALIDITY);
        store.startPasswordReset(user.name(), new PendingReset(ResetTokens.hash(token), expires));
        changed(user.name());
        LOG.info("{} reset the password of {}; the token works until {}", LogText.quote(caller.name()),
                LogText.quote(user.name()), expires);
        return new PasswordReset(user.name(), token, expires);
    }

    @Override
    public void changePassword(String username, char[] current, char[] next) {
        Known user = known(username).filter(u -> !u.user().disabled())
                .orElseThrow(() -> new GalleristException(ErrorCode.FORBIDDEN, "Your account is disabled."));
        requireFewWrongTries(username);
        boolean proven = user.resetPending() ? tokenMatches(username, current)
                : hasher.verify(current, store.passwordHash(username).orElse(decoyHash));
        if (!proven) {
            wrongCurrent.compute(username, (name, times) -> {
                List<Instant> recent = times == null ? new ArrayList<>() : times;
                recent.add(clock.instant());
                return recent;
            });
            throw new GalleristException(ErrorCode.FORBIDDEN, user.resetPending()
                    ? "That is not the token of your password reset, or it expired; ask an admin for a new one."
                    : "Your current password is wrong; nothing was changed.");
        }
        Passwords.requireStrong(username, next);
        store.setPasswordHash(username, hasher.hash(next));
        wrongCurrent.remove(username);
        changed(username);
        LOG.info("{} set a new password{}", LogText.quote(username), user.resetPending() ? " after a reset" : "");
    }

    private void requireFewWrongTries(String username) {
        Instant since = clock.instant().minus(WRONG_CURRENT_WINDOW);
        List<Instant> recent = wrongCurrent.computeIfPresent(username, (name, times) -> {
            times.removeIf(time -> time.isBefore(since));
            return times.isEmpty() ? null : times;
        });
        if (recent != null && recent.size() >= MAX_WRONG_CURRENT) {
            throw new GalleristException(ErrorCode.RATE_LIMITED, "Too many wrong tries: try again in "
                    + WRONG_CURRENT_WINDOW.toMinutes() + " minutes.");
        }
    }

    @Override
    public boolean passwordChangeRequired(String username) {
        return known(username).map(Known::resetPending).orElse(false);
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
