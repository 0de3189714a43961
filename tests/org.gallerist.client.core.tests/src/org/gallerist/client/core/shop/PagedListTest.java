package org.gallerist.client.core.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gallerist.api.image.Page;
import org.junit.jupiter.api.Test;

class PagedListTest {
    private final PagedList<String> list = new PagedList<>(2);

    @Test
    void pagesFollowTheServersCursorUntilTheEnd() {
        assertTrue(list.next().isEmpty(), "nothing before the first restart");
        PagedList.Request first = list.restart();
        assertEquals(new PagedList.Request(1, null, 2), first);
        assertEquals("Loading\u2026", list.summary("order", "orders", "none"));
        assertTrue(list.next().isEmpty(), "one request at a time");
        list.accept(first, new Page<>(List.of("a", "b"), "7"));
        assertEquals("2 orders, more available", list.summary("order", "orders", "none"));
        PagedList.Request second = list.next().orElseThrow();
        assertEquals("7", second.after());
        list.accept(second, new Page<>(List.of("c"), null));
        assertEquals(List.of("a", "b", "c"), list.items());
        assertFalse(list.hasMore());
        assertTrue(list.next().isEmpty(), "the end");
    }

    @Test
    void anAnswerToAnOlderRequestIsDropped() {
        PagedList.Request old = list.restart();
        PagedList.Request fresh = list.restart();
        assertFalse(list.accept(old, new Page<>(List.of("stale"), null)));
        assertTrue(list.accept(fresh, new Page<>(List.of(), null)));
        assertEquals("none", list.summary("order", "orders", "none"));
        list.clear();
        assertFalse(list.fail(fresh, "late"), "cleared: nothing waits");
    }

    @Test
    void aFailedPageIsAskedForAgain() {
        PagedList.Request first = list.restart();
        list.fail(first, "Cannot reach the server.");
        assertEquals("Cannot reach the server.", list.summary("order", "orders", "none"));
        assertEquals(new PagedList.Request(1, null, 2), list.next().orElseThrow(), "the first page once more");
    }
}
