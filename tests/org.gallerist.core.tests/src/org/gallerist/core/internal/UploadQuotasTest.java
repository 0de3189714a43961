package org.gallerist.core.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.Role;
import org.gallerist.api.User;
import org.gallerist.spi.storage.ImageStore.Usage;
import org.junit.jupiter.api.Test;

class UploadQuotasTest {

    private static final User BOB = new User("bob", Role.USER, false, java.time.Instant.EPOCH);
    private static final User ADMIN = new User("alice", Role.ADMIN, false, java.time.Instant.EPOCH);

    @Test
    void theImageCountIsCheckedBeforeTheBytesAreRead() {
        UploadQuotas quotas = new UploadQuotas(3, 0);
        assertDoesNotThrow(() -> quotas.checkRoomForOne(BOB, () -> new Usage(2, 0)));
        GalleristException full = assertThrows(GalleristException.class,
                () -> quotas.checkRoomForOne(BOB, () -> new Usage(3, 0)));
        assertEquals(ErrorCode.QUOTA_EXCEEDED, full.code());
        assertEquals(Map.of("limit", "images", "max", 3L), full.details());
        assertTrue(full.getMessage().contains("at most 3"), full.getMessage());
    }

    @Test
    void storedBytesCountTheNewImage() {
        UploadQuotas quotas = new UploadQuotas(0, 10_000);
        assertDoesNotThrow(() -> quotas.check(BOB, () -> new Usage(500, 6_000), 4_000));
        GalleristException over = assertThrows(GalleristException.class,
                () -> quotas.check(BOB, () -> new Usage(1, 6_000), 4_001));
        assertEquals(ErrorCode.QUOTA_EXCEEDED, over.code());
        assertEquals(Map.of("limit", "stored_bytes", "max", 10_000L), over.details());
        assertTrue(over.getMessage().contains("9.8 KiB"), over.getMessage());
    }

    @Test
    void adminsAndZeroLimitsAreUnlimitedAndDoNotEvenAskForTheUsage() {
        UploadQuotas strict = new UploadQuotas(1, 1);
        assertDoesNotThrow(() -> strict.check(ADMIN, () -> {
            throw new AssertionError("an admin's usage is not needed");
        }, 1_000_000));
        UploadQuotas none = new UploadQuotas(0, 0);
        assertDoesNotThrow(() -> none.check(BOB, () -> {
            throw new AssertionError("no limit, no query");
        }, Long.MAX_VALUE / 2));
    }
}
