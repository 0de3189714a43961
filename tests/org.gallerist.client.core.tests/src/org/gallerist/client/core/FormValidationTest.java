package org.gallerist.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

import org.gallerist.client.core.FormValidation.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormValidationTest {

    @Test
    void hostMustNotBeBlank() {
        assertTrue(FormValidation.checkHost("").isPresent());
        assertTrue(FormValidation.checkHost("   ").isPresent());
        assertTrue(FormValidation.checkHost(null).isPresent());
        assertTrue(FormValidation.checkHost("my host").isPresent());
        assertTrue(FormValidation.checkHost(" gallery.example.org ").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "1", "22", "2222", "65535", " 8022 " })
    void acceptsPortsInRange(String port) {
        assertTrue(FormValidation.checkPort(port).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "0", "65536", "-1", "+22", "22a", "99999999999", "2 2" })
    void rejectsOtherPorts(String port) {
        assertTrue(FormValidation.checkPort(port).isPresent(), port);
    }

    @Test
    void parsesPort() {
        assertEquals(OptionalInt.of(2222), FormValidation.parsePort("2222"));
        assertEquals(OptionalInt.empty(), FormValidation.parsePort(null));
        assertEquals(OptionalInt.empty(), FormValidation.parsePort("70000"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "alice", "a", "bob.smith", "c_d-e9", "abcdefghijklmnopqrstuvwxyz012345" })
    void acceptsUsernames(String name) {
        assertTrue(FormValidation.checkUsername(name).isEmpty(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "Alice", "1alice", "_alice", "al ice", "al@ice", "abcdefghijklmnopqrstuvwxyz0123456" })
    void rejectsUsernames(String name) {
        assertTrue(FormValidation.checkUsername(name).isPresent(), name);
    }

    @Test
    void loginNeedsAnyPasswordButCreateNeedsEight() {
        assertTrue(FormValidation.checkPassword(new char[0], Action.LOG_IN).isPresent());
        assertTrue(FormValidation.checkPassword("short".toCharArray(), Action.LOG_IN).isEmpty());
        assertTrue(FormValidation.checkPassword("1234567".toCharArray(), Action.CREATE_ACCOUNT).isPresent());
        assertTrue(FormValidation.checkPassword("12345678".toCharArray(), Action.CREATE_ACCOUNT).isEmpty());
    }

    @Test
    void reportsTheFirstProblemInFieldOrder() {
        assertEquals(FormValidation.checkHost(""),
                FormValidation.check(Action.LOG_IN, "", "0", "Bad", new char[0]));
        assertEquals(FormValidation.checkPort("0"),
                FormValidation.check(Action.LOG_IN, "h", "0", "Bad", new char[0]));
        assertEquals(FormValidation.checkUsername("Bad"),
                FormValidation.check(Action.LOG_IN, "h", "22", "Bad", new char[0]));
        assertTrue(FormValidation.check(Action.CREATE_ACCOUNT, "h", "22", "alice", "long enough".toCharArray())
                .isEmpty());
    }

    @Test
    void aKeyFileLoginNeedsAnExistingFileAndNoPassphraseButCreatingAnAccountNeedsAPassword(@TempDir Path dir)
            throws Exception {
        Path key = Files.writeString(dir.resolve("id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----\n");
        assertTrue(FormValidation.check(Action.LOG_IN, "h", "22", "alice", LoginMethod.KEY_FILE, key.toString(),
                new char[0]).isEmpty());
        assertEquals(FormValidation.checkKeyFile(""), FormValidation.check(Action.LOG_IN, "h", "22", "alice",
                LoginMethod.KEY_FILE, " ", new char[0]));
        assertTrue(FormValidation.checkKeyFile(dir.resolve("missing").toString()).orElseThrow().contains("missing"));
        assertTrue(FormValidation.check(Action.LOG_IN, "h", "22", "alice", LoginMethod.AGENT, "", new char[0])
                .isEmpty());
        assertEquals(FormValidation.checkPassword(new char[0], Action.CREATE_ACCOUNT), FormValidation.check(
                Action.CREATE_ACCOUNT, "h", "22", "alice", LoginMethod.KEY_FILE, key.toString(), new char[0]));
        assertEquals(Path.of(System.getProperty("user.home"), ".ssh/id"), FormValidation.keyFilePath("~/.ssh/id"));
    }
}
