package org.gallerist.client.core;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Checks the connect form before anything goes on the network. Each check returns a message for people. */
public final class FormValidation {
    public static final int MIN_PASSWORD_LENGTH = 8;

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{0,31}");

    /** What the user asked the form to do: creating an account asks more of the password. */
    public enum Action {
        LOG_IN, CREATE_ACCOUNT
    }

    private FormValidation() {
    }

    public static Optional<String> checkHost(String host) {
        if (host == null || host.isBlank()) {
            return Optional.of("Enter the server host.");
        }
        if (host.strip().chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("The server host must not contain spaces.");
        }
        return Optional.empty();
    }

    public static Optional<String> checkPort(String port) {
        if (port == null || port.isBlank()) {
            return Optional.of("Enter the server port.");
        }
        if (parsePort(port).isEmpty()) {
            return Optional.of("The port must be a number from 1 to 65535.");
        }
        return Optional.empty();
    }

    /** The port as a number, or empty when the text is not a whole number from 1 to 65535. */
    public static OptionalInt parsePort(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        String digits = text.strip();
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalInt.empty();
        }
        int port = Integer.parseInt(digits);
        return port >= 1 && port <= 65535 ? OptionalInt.of(port) : OptionalInt.empty();
    }

    public static Optional<String> checkUsername(String username) {
        if (username == null || username.isBlank()) {
            return Optional.of("Enter a user name.");
        }
        if (!USERNAME.matcher(username.strip()).matches()) {
            return Optional.of("A user name starts with a lower-case letter and has at most 32 characters: "
                    + "lower-case letters, digits, '.', '_' or '-'.");
        }
        return Optional.empty();
    }

    public static Optional<String> checkPassword(char[] password, Action action) {
        if (password == null || password.length == 0) {
            return Optional.of("Enter the password.");
        }
        if (action == Action.CREATE_ACCOUNT && password.length < MIN_PASSWORD_LENGTH) {
            return Optional.of("A new password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        return Optional.empty();
    }

    /** A key file must be named and exist; its passphrase, if any, is checked when it is read. */
    public static Optional<String> checkKeyFile(String keyFile) {
        if (keyFile == null || keyFile.isBlank()) {
            return Optional.of("Choose your private key file (e.g. ~/.ssh/id_ed25519).");
        }
        Path path;
        try {
            path = keyFilePath(keyFile);
        } catch (InvalidPathException e) {
            return Optional.of("\"" + keyFile.strip() + "\" is not a file name.");
        }
        if (!Files.isRegularFile(path)) {
            return Optional.of("There is no file " + path + ".");
        }
        return Optional.empty();
    }

    /** The key file's path, with a leading {@code ~/} meaning the home folder as in a shell. */
    public static Path keyFilePath(String keyFile) {
        String path = keyFile.strip();
        return path.startsWith("~/") ? Path.of(System.getProperty("user.home"), path.substring(2)) : Path.of(path);
    }

    /** The first problem of the form, in the order its fields appear, for the login method chosen. */
    public static Optional<String> check(Action action, String host, String port, String username, LoginMethod method,
            String keyFile, char[] secret) {
        if (action == Action.CREATE_ACCOUNT || method == LoginMethod.PASSWORD) {
            return check(action, host, port, username, secret);
        }
        Optional<String> where = checkHost(host).or(() -> checkPort(port)).or(() -> checkUsername(username));
        return method == LoginMethod.KEY_FILE ? where.or(() -> checkKeyFile(keyFile)) : where;
    }

    /** The first problem of the whole form, in the order the fields appear. */
    public static Optional<String> check(Action action, String host, String port, String username, char[] password) {
        return checkHost(host)
                .or(() -> checkPort(port))
                .or(() -> checkUsername(username))
                .or(() -> checkPassword(password, action));
    }
}
