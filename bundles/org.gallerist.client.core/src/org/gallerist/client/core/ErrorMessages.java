package org.gallerist.client.core;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;

/** Turns any failure into one readable sentence for the user; details belong in the log, never on screen. */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    public static String readable(Throwable failure) {
        if (failure instanceof GalleristException e) {
            String message = e.getMessage();
            return message == null || message.isBlank() ? fallback(e.code()) : message.strip();
        }
        return "Something went wrong (" + failure.getClass().getSimpleName() + "). Please try again.";
    }

    private static String fallback(ErrorCode code) {
        return switch (code) {
            case UNAUTHORIZED -> "The user name or password is wrong.";
            case USER_EXISTS -> "That user name is already taken.";
            case WEAK_PASSWORD -> "The password is too weak.";
            case RATE_LIMITED -> "Too many attempts. Please wait a while and try again.";
            case SIGNUP_DISABLED -> "This server does not accept new accounts.";
            case CONNECTION_FAILED -> "Cannot reach the server.";
            case HOST_KEY_REJECTED -> "The server's key was not trusted, so the connection was closed.";
            case HOST_KEY_CHANGED -> "The server's key has changed since the last visit. Refusing to connect.";
            default -> "The server reported an error (" + code.wireName() + ").";
        };
    }
}
