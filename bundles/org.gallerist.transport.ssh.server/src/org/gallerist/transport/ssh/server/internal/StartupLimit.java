package org.gallerist.transport.ssh.server.internal;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * OpenSSH's {@code MaxStartups start:rate:full} for connections that have not logged in yet: below {@code start} all
 * are let in; from {@code start} on, a new one is dropped with probability {@code rate}%, rising linearly to 100% at
 * {@code full}. Random early drop keeps some room for honest logins while a flood goes on.
 */
record StartupLimit(int start, int rate, int full) {

    StartupLimit {
        if (start < 1 || full < start || rate < 0 || rate > 100) {
            throw new IllegalArgumentException("maxStartups needs start:rate:full with 1 <= start <= full and a rate"
                    + " of 0 to 100, not " + start + ":" + rate + ":" + full);
        }
    }

    static StartupLimit parse(String text) {
        String[] parts = text.strip().split(":");
        try {
            if (parts.length == 1) {
                int full = Integer.parseInt(parts[0]);
                return new StartupLimit(full, 100, full);
            }
            if (parts.length == 3) {
                return new StartupLimit(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                        Integer.parseInt(parts[2]));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("maxStartups must be N or start:rate:full (e.g. 200:30:600), not '"
                + text + "'");
    }

    /** Whether a new connection is dropped while {@code waiting} connections have not logged in yet. */
    boolean drops(int waiting, RandomGenerator random) {
        if (waiting < start) {
            return false;
        }
        if (waiting >= full) {
            return true;
        }
        double chance = rate + (100.0 - rate) * (waiting - start) / (full - start);
        return random.nextDouble() * 100.0 < chance;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d:%d:%d", start, rate, full);
    }
}
