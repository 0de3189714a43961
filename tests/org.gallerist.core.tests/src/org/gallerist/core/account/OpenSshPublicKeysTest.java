package org.gallerist.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.account.AuthorizedKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenSshPublicKeysTest {

    /** Made with ssh-keygen -t ed25519; its fingerprint as printed by ssh-keygen -l. */
    private static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFoaqb52cFvIjL1bCzFr6RfokSNaWFY3xLuLoyNargRG alice@laptop";
    private static final String ED25519_FINGERPRINT = "SHA256:QydjGZP3QE3LhVgEn5xVDfwODSWTK0DOZtuQWYTc6Gs";
    private static final String RSA_1024 = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDlWzybDPctfG/mWnqL9ULCRgHrzdL8m/qY7D+rXEiudWyNE6NYiytYHpWDXlXL+JMofs8wJ8AG8ImGDnAbczKFM1uMJMqto5ylafk65iQxJ+psQgJJ4OMvIo9whj48meRaOVxow85e+6KgVRa/doCLcqAuvvy6Y33YKJ5DDQl5mw==";

    @Test
    void parsesAnEd25519LineWithTheSameFingerprintAsSshKeygen() {
        AuthorizedKey key = OpenSshPublicKeys.parse("  " + ED25519 + "\n", Instant.EPOCH);
        assertEquals("ssh-ed25519", key.type());
        assertEquals("alice@laptop", key.comment());
        assertEquals(ED25519_FINGERPRINT, key.fingerprint());
        assertEquals(ED25519, key.openSshLine());
    }

    @Test
    void rejectsShortRsaKeys() {
        GalleristException e = assertThrows(GalleristException.class, () -> OpenSshPublicKeys.parse(RSA_1024, Instant.EPOCH));
        assertTrue(e.getMessage().contains("1024 bits"), e.getMessage());
    }

    @Test
    void rejectsABlobOfAnotherType() {
        String mislabelled = ED25519.replace("ssh-ed25519 ", "ecdsa-sha2-nistp256 ");
        GalleristException e = assertThrows(GalleristException.class,
                () -> OpenSshPublicKeys.parse(mislabelled, Instant.EPOCH));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    }

    @Test
    void commentsAndLinesOverTheirLimitsAreTooLong() {
        String base = ED25519.substring(0, ED25519.lastIndexOf(' ') + 1);
        assertEquals(200, OpenSshPublicKeys.parse(base + "c".repeat(200), Instant.EPOCH).comment().length());
        GalleristException comment = assertThrows(GalleristException.class,
                () -> OpenSshPublicKeys.parse(base + "c".repeat(201), Instant.EPOCH));
        assertEquals(ErrorCode.TOO_LONG, comment.code());
        assertEquals(java.util.Map.of("limit", "key_comment", "max", 200), comment.details());
        GalleristException line = assertThrows(GalleristException.class,
                () -> OpenSshPublicKeys.parse(base + "c".repeat(16_000), Instant.EPOCH));
        assertEquals(ErrorCode.TOO_LONG, line.code());
        assertEquals(java.util.Map.of("limit", "public_key", "max", 16_000), line.details());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "ssh-ed25519", "ssh-dss AAAAB3NzaC1kc3M=", "ssh-ed25519 !!!notbase64",
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFoaqb52", "-----BEGIN OPENSSH PRIVATE KEY-----" })
    void rejectsWhatIsNotAPublicKey(String line) {
        GalleristException e = assertThrows(GalleristException.class, () -> OpenSshPublicKeys.parse(line, Instant.EPOCH));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    }
}
