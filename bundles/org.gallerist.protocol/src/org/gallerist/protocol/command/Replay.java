package org.gallerist.protocol.command;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Whether a command may be sent again after its connection was lost while it ran (so it may or may not have been
 * applied). A client's retry logic reads this; it never keeps a list of its own.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Replay {

    Safety value();

    enum Safety {
        /** Changes nothing, or sets values: sending it twice has the effect of sending it once. */
        SAFE("yes"),
        /** Safe when it carries {@code --request KEY}: the server answers the same key with the first result. */
        WITH_REQUEST_KEY("with --request KEY"),
        /**
         * Sent again by the typed client, which reads the second answer knowing the first may have landed (a
         * {@code duplicate} naming {@code existing_id}, or {@code not_found} for what the first try removed).
         */
        RECOGNISED("by the client API, which recognises the first try's work"),
        /** Never sent again by itself. */
        NEVER("no");

        private final String description;

        Safety(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}
