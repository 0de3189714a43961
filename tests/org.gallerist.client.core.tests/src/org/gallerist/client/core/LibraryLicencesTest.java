package org.gallerist.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.gallerist.client.core.LibraryLicences.BundleFacts;
import org.gallerist.client.core.LibraryLicences.Library;
import org.junit.jupiter.api.Test;

class LibraryLicencesTest {

    @Test
    void headersWinThenTheKnownNamesThenNotDeclared() {
        List<Library> rows = LibraryLicences.of(List.of(
                new BundleFacts("com.google.gson", "2.15.0", "\"Apache-2.0\";link=\"https://www.apache.org/licenses\""),
                new BundleFacts("org.apache.felix.scr", "2.2.18", "https://www.apache.org/licenses/LICENSE-2.0.txt"),
                new BundleFacts("org.eclipse.swt", "3.135.0", null),
                new BundleFacts("wrapped.org.jfree.jfreechart", "1.5.6", ""),
                new BundleFacts("org.gallerist.api", "0.1.0", null),
                new BundleFacts("system.bundle", "3.24", null)),
                Map.of("org.eclipse.", "EPL-2.0", "wrapped.org.jfree.jfreechart", "LGPL-2.1-or-later"));
        assertEquals(List.of(
                new Library("com.google.gson", "2.15.0", "Apache-2.0"),
                new Library("org.apache.felix.scr", "2.2.18", "Apache-2.0"),
                new Library("org.eclipse.swt", "3.135.0", "EPL-2.0"),
                new Library("org.gallerist.api", "0.1.0", "not declared"),
                new Library("wrapped.org.jfree.jfreechart", "1.5.6", "LGPL-2.1-or-later")), rows);
        assertEquals("org.eclipse.swt 3.135.0 \u2014 EPL-2.0\n", LibraryLicences.text(rows.subList(2, 3)));
    }

    @Test
    void wellKnownUrlsBecomeSpdxIds() {
        assertEquals("EPL-2.0", LibraryLicences.spdx("https://www.eclipse.org/legal/epl-2.0, https://www.gnu.org"));
        assertEquals("BSD-3-Clause", LibraryLicences.spdx("BSD-3-Clause;link=https://asm.ow2.io/LICENSE.txt"));
    }
}
