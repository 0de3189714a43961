package org.gallerist.api.client;

import java.time.Instant;

/**
 * What a server says about itself in {@code server info} beyond its image model: its version and when it started.
 * Servers before 0.1 of this record answer neither (null).
 */
public record ServerFacts(String version, Instant started) {
}
