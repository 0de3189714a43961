package org.gallerist.protocol.command;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.Visibility;

/** {@code --public} and {@code --private} exclude each other. */
final class Visibilities {

    private Visibilities() {
    }

    static Visibility of(boolean makePublic, boolean makePrivate) {
        if (makePublic && makePrivate) {
            throw new GalleristException(ErrorCode.USAGE, "Give --public or --private, not both.");
        }
        return makePrivate ? Visibility.PRIVATE : makePublic ? Visibility.PUBLIC : null;
    }
}
