package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator can switch sign-up off. */
class SignupSwitchTest {

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("signupEnabled", false);

    @Test
    void signUpCanBeSwitchedOff() throws Exception {
        server.start();
        GalleristException e = assertThrows(GalleristException.class, () -> server.signUp("alice"));
        assertEquals(ErrorCode.SIGNUP_DISABLED, e.code(), e.getMessage());
    }
}
