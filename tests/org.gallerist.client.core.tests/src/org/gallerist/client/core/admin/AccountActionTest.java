package org.gallerist.client.core.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.gallerist.api.Role;
import org.gallerist.api.User;
import org.gallerist.api.client.ServerFacts;
import org.gallerist.api.similarity.SimilarityService;
import org.junit.jupiter.api.Test;

class AccountActionTest {
    private final User admin = new User("alice", Role.ADMIN, false, Instant.EPOCH);
    private final User user = new User("bob", Role.USER, false, Instant.EPOCH);
    private final User disabled = new User("carol", Role.USER, true, Instant.EPOCH);

    @Test
    void anAdminMayChangeOthersButNeverDisableOrDemoteThemself() {
        assertEquals(Set.of(AccountAction.PROMOTE, AccountAction.DISABLE, AccountAction.RESET_PASSWORD),
                AccountAction.allowed(admin, user));
        assertEquals(Set.of(AccountAction.PROMOTE, AccountAction.ENABLE, AccountAction.RESET_PASSWORD),
                AccountAction.allowed(admin, disabled));
        assertEquals(Set.of(), AccountAction.allowed(admin, admin));
        assertEquals(Set.of(AccountAction.DEMOTE, AccountAction.DISABLE, AccountAction.RESET_PASSWORD),
                AccountAction.allowed(admin, new User("dora", Role.ADMIN, false, Instant.EPOCH)));
        assertTrue(AccountAction.allowed(user, disabled).isEmpty(), "users may do nothing here");
        assertTrue(AccountAction.allowed(admin, null).isEmpty());
    }

    @Test
    void theServerPageCountsAccountsAndTheIndex() {
        Instant started = Instant.parse("2026-12-01T08:00:00Z");
        List<ServerSummary.Fact> facts = ServerSummary.facts(new SimilarityService.Status("squeezenet", 512, 7, 9,
                true), List.of(admin, user, disabled), "Connected as alice to h:22", new ServerFacts("0.1.0.x",
                        started), started.plus(Duration.ofHours(51).plusMinutes(7)));
        assertEquals(new ServerSummary.Fact("Version", "0.1.0.x"), facts.get(1));
        assertTrue(facts.get(2).value().endsWith("(2 days 3 h)"), facts.get(2).value());
        assertEquals(new ServerSummary.Fact("Accounts", "3 (1 admin, 1 disabled)"), facts.get(3));
        assertEquals(new ServerSummary.Fact("Similarity index", "7 of 9 images indexed, re-indexing now"),
                facts.get(5));
        assertEquals("3 h 5 min", ServerSummary.uptime(Duration.ofMinutes(185)));
        assertEquals("4 min", ServerSummary.uptime(Duration.ofMinutes(4)));
    }
}
