package org.gallerist.client.core.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class GridCursorTest {

    @Test
    void arrowsMoveWithinTheGridAndStopAtItsEdges() {
        GridCursor cursor = GridCursor.none(10, 4);
        assertFalse(cursor.hasSelection());
        assertEquals(0, cursor.right().index(), "the first key press selects the first cell");
        assertEquals(5, cursor.select(1).down().index());
        assertEquals(9, cursor.select(6).down().index(), "down from a row above a short last row goes to the end");
        assertEquals(9, cursor.select(9).down().index());
        assertEquals(1, cursor.select(1).up().index(), "nothing above the first row");
        assertEquals(0, cursor.select(0).left().index());
        assertEquals(9, cursor.select(9).right().index());
        assertEquals(9, cursor.last().index());
        assertEquals(3, cursor.rows());
    }

    @Test
    void keepsItsPlaceWhenMoreLoadsOrTheGridNarrows() {
        GridCursor cursor = new GridCursor(7, 8, 4).resize(16, 2);
        assertEquals(7, cursor.index());
        assertEquals(3, cursor.row(7));
        assertEquals(-1, new GridCursor(3, 0, 4).index(), "nothing to select in an empty grid");
        assertEquals(1, new GridCursor(5, 2, 4).index(), "clamped when items went away");
    }
}
