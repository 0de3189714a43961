package org.gallerist.protocol;

import java.time.Instant;
import java.util.List;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.Role;
import org.gallerist.api.User;
import org.gallerist.api.account.AuthorizedKey;
import org.gallerist.api.image.Upload;
import org.gallerist.api.similarity.SimilarityService;

/**
 * The reply lines that are not api records themselves. Api records ({@code Image}, {@code Upload},
 * {@code SimilarImage}, {@code Order}, {@code TagCount}, {@code SimilarityService.Status}) travel as they are, with
 * field names in snake case.
 */
public final class Replies {

    private Replies() {
    }

    /** {@code whoami} and {@code signup}: {@code {"user", "role", "created"}}. */
    public record Account(String user, Role role, Instant created, Boolean passwordChangeRequired) {
        public static Account of(User user) {
            return new Account(user.name(), user.role(), user.created(), null);
        }

        /** {@code whoami}: also {@code "password_change_required": true} while an admin's reset is pending. */
        public static Account of(User user, boolean passwordChangeRequired) {
            return new Account(user.name(), user.role(), user.created(), passwordChangeRequired ? Boolean.TRUE : null);
        }

        public boolean mustChangePassword() {
            return Boolean.TRUE.equals(passwordChangeRequired);
        }

        public User toUser() {
            return new User(user, role, false, created == null ? Instant.EPOCH : created);
        }
    }

    /** {@code users reset}: the one-time token, shown only here. */
    public record PasswordReset(String user, String token, Instant expires) {
        public static PasswordReset of(org.gallerist.api.account.PasswordReset reset) {
            return new PasswordReset(reset.user(), reset.token(), reset.expires());
        }

        public org.gallerist.api.account.PasswordReset toReset() {
            return new org.gallerist.api.account.PasswordReset(user, token, expires);
        }
    }

    /** {@code password set}. */
    public record PasswordChanged(String user, boolean changed) {
    }

    /** {@code users list}, {@code users disable} and {@code users enable}: an account as admins see it. */
    public record Member(String user, Role role, boolean disabled, Instant created) {
        public static Member of(User user) {
            return new Member(user.name(), user.role(), user.disabled(), user.created());
        }

        public User toUser() {
            return new User(user, role, disabled, created == null ? Instant.EPOCH : created);
        }
    }

    /**
     * {@code server info}: the similarity status's fields ({@code embedder, dimension, indexed, images, reindexing,
     * model, credits}), the image formats uploads may have, by the names {@code images show} gives as
     * {@code format}, the server's version and when it started.
     */
    public record ServerInfo(String embedder, int dimension, long indexed, long images, boolean reindexing,
            String model, String credits, List<String> formats, String version, Instant started) {
        public static ServerInfo of(SimilarityService.Status similarity, List<String> formats, String version,
                Instant started) {
            return new ServerInfo(similarity.embedder(), similarity.dimension(), similarity.indexed(),
                    similarity.images(), similarity.reindexing(), similarity.model(), similarity.credits(),
                    List.copyOf(formats), version, started);
        }
    }

    /** {@code ping}: {@code {"ok": true}}. */
    public record Ok(boolean ok) {
        public static final Ok OK = new Ok(true);
    }

    /** {@code keys add} and each line of {@code keys list}; {@code key} is the OpenSSH line. */
    public record PublicKey(String fingerprint, String type, String comment, Instant added, String key) {
        public static PublicKey of(AuthorizedKey key) {
            return new PublicKey(key.fingerprint(), key.type(), key.comment(), key.added(), key.openSshLine());
        }

        public AuthorizedKey toKey() {
            return new AuthorizedKey(fingerprint, type, comment, key == null ? type : key,
                    added == null ? Instant.EPOCH : added);
        }
    }

    /** The last line of a page that has more: pass {@code next} as {@code --after}. */
    public record NextPage(String next) {
    }

    /** One line of {@code images delete}: {@code id} is the word given when it is not an id. */
    public record DeleteOutcome(Object id, boolean deleted, ErrorCode error, String message) {
        public static DeleteOutcome deleted(long id) {
            return new DeleteOutcome(id, true, null, null);
        }

        public static DeleteOutcome failed(Object id, ErrorCode error, String message) {
            return new DeleteOutcome(id, false, error, message);
        }
    }

    /** One line of {@code images import}: the stored image, or why the file was left out. */
    public record ImportOutcome(String file, Long id, Upload image, ErrorCode error, String message) {
        public static ImportOutcome imported(String file, Upload upload) {
            return new ImportOutcome(file, upload.image().id(), upload, null, null);
        }

        public static ImportOutcome failed(String file, ErrorCode error, String message) {
            return new ImportOutcome(file, null, null, error, message);
        }
    }

    /** One line of {@code help}. */
    public record CommandSummary(String command, String summary) {
    }

    /** {@code keys remove}. */
    public record KeyRemoved(String removed) {
    }

    /** {@code tags rename}. */
    public record TagRenamed(String renamed, String to) {
    }

    /** {@code tags delete}. */
    public record TagDeleted(String deleted) {
    }
}
