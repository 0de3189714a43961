package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.OpenSsh;
import org.gallerist.tests.harness.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator can switch sign-up off; the sign-up login then does not get in at all. */
class SignupSwitchTest {

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("signupEnabled", false);

    @Test
    void signUpCanBeSwitchedOff() throws Exception {
        server.start();
        GalleristException e = assertThrows(GalleristException.class, () -> server.signUp("alice"));
        assertEquals(ErrorCode.SIGNUP_DISABLED, e.code(), e.getMessage());
    }

    @Test
    void theSignupLoginDoesNotAuthenticateWhenSignUpIsOff() throws Exception {
        OpenSsh.assumeInstalled();
        server.start();
        Processes.Result result = server.openSsh().run("signup", null, "secret-password-1\n", "signup", "mallory");
        assertEquals(255, result.exitCode(), "ssh's own status for a refused login: " + result);
        assertTrue(result.stderr().contains("Permission denied"), result.stderr());
        assertEquals("", result.stdout());
    }
}
