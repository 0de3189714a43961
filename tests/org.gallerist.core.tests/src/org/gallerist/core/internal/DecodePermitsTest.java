package org.gallerist.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.junit.jupiter.api.Test;

class DecodePermitsTest {

    @Test
    void workBeyondThePermitsIsRefusedAsBusyNamingTheLimit() {
        DecodePermits permits = new DecodePermits(1, 0);
        GalleristException busy = assertThrows(GalleristException.class,
                () -> permits.decode(() -> permits.decode(() -> "never runs")));
        assertEquals(ErrorCode.BUSY, busy.code());
        assertEquals(Map.of("limit", "concurrent_decodes", "max", 1), busy.details());
        assertTrue(busy.getMessage().contains("(1)"), busy.getMessage());
    }

    @Test
    void aPermitComesBackWhenTheWorkEndsOrFails() {
        DecodePermits permits = new DecodePermits(2, 0);
        assertEquals("inner", permits.decode(() -> permits.decode(() -> "inner")), "two permits, two at once");
        assertThrows(IllegalStateException.class, () -> permits.decode(() -> {
            throw new IllegalStateException("decoder failed");
        }));
        assertEquals("again", permits.decode(() -> permits.decode(() -> "again")), "both permits are back");
    }

    @Test
    void theDefaultIsTwicePerProcessor() {
        assertEquals(2 * Runtime.getRuntime().availableProcessors(), new ImageLimits(config(0)).decodes().max());
        assertEquals(3, new ImageLimits(config(3)).decodes().max());
    }

    private static ImageLimits.Config config(int maxConcurrentDecodes) {
        return new ImageLimits.Config() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return ImageLimits.Config.class;
            }

            @Override
            public long maxImageBytes() {
                return 1000;
            }

            @Override
            public long maxImagePixels() {
                return 1000;
            }

            @Override
            public int maxConcurrentDecodes() {
                return maxConcurrentDecodes;
            }

            @Override
            public long decodeWaitMillis() {
                return 0;
            }
        };
    }
}
