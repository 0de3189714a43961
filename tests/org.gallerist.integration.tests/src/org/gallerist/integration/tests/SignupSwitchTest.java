package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.GalleristClient;
import org.gallerist.tests.harness.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator can switch sign-up off. */
class SignupSwitchTest {

    @TempDir
    Path temp;

    @Test
    void signUpCanBeSwitchedOff() throws Exception {
        try (TestServer server = TestServer.start(temp.resolve("data"), Map.of("signupEnabled", false))) {
            GalleristClient client = TestServer.service(GalleristClient.class);
            GalleristException e = assertThrows(GalleristException.class, () -> client.signUp(server.address(), "alice",
                    "correct horse".toCharArray(), List.of(), temp.resolve("known_hosts"), (h, p, t, f) -> true));
            assertEquals(ErrorCode.SIGNUP_DISABLED, e.code(), e.getMessage());
        }
    }
}
