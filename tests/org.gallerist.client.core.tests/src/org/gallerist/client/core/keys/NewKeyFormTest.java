package org.gallerist.client.core.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewKeyFormTest {
    @TempDir
    Path home;

    @Test
    void suggestsAFreeFileInDotSsh() throws Exception {
        assertEquals(home.resolve(".ssh/id_gallerist_ed25519"), NewKeyForm.suggestedFile(home));
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/id_gallerist_ed25519.pub"), "ssh-ed25519 AAAA");
        assertEquals(home.resolve(".ssh/id_gallerist_ed25519_2"), NewKeyForm.suggestedFile(home));
    }

    @Test
    void refusesATakenFileAShortPassphraseAndTwoThatDiffer() throws Exception {
        Path taken = Files.writeString(home.resolve("id"), "key");
        String free = home.resolve("new_id").toString();
        assertTrue(NewKeyForm.check(taken.toString(), new char[0], new char[0]).orElseThrow().contains("already"));
        assertTrue(NewKeyForm.check(" ", new char[0], new char[0]).isPresent());
        assertTrue(NewKeyForm.check(free, "abc".toCharArray(), "abc".toCharArray()).orElseThrow()
                .contains("at least 5"));
        assertEquals("The two passphrases differ.",
                NewKeyForm.check(free, "abcdef".toCharArray(), "abcdeg".toCharArray()).orElseThrow());
        assertTrue(NewKeyForm.check(free, "abcdef".toCharArray(), "abcdef".toCharArray()).isEmpty());
        assertTrue(NewKeyForm.check(free, new char[0], new char[0]).isEmpty(), "no passphrase is allowed");
    }
}
