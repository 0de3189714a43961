package org.gallerist.client.ui.admin;

/** How a page tells the dialog what happened: an error, or (when the error is null) what was done. */
@FunctionalInterface
interface Reporter {
    void tell(Throwable error, String done);

    default void done(String what) {
        tell(null, what);
    }

    default void failed(Throwable error) {
        tell(error, null);
    }
}
