package org.gallerist.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientHomeTest {

    @TempDir
    Path folder;

    @Test
    void defaultsToDotGalleristUnderUserHome() {
        Properties properties = new Properties();
        properties.setProperty("user.home", folder.toString());
        assertEquals(folder.resolve(".gallerist/client"), ClientHome.from(properties).folder());
    }

    @Test
    void systemPropertyOverridesTheFolder() {
        Properties properties = new Properties();
        properties.setProperty("user.home", "/nowhere");
        properties.setProperty(ClientHome.PROPERTY, folder.resolve("custom").toString());
        ClientHome home = ClientHome.from(properties);
        assertEquals(folder.resolve("custom"), home.folder());
        assertEquals(folder.resolve("custom/known_hosts"), home.knownHosts());
    }

    @Test
    void ensureExistsCreatesTheFolder() {
        ClientHome home = new ClientHome(folder.resolve("a/b")).ensureExists();
        assertTrue(Files.isDirectory(home.folder()));
        home.ensureExists();
    }
}
