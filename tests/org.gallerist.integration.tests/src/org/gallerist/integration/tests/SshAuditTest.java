package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Debian's ssh-audit against the running server: no algorithm it fails, none it warns about for encrypt-and-MAC,
 * and strict key exchange (the Terrapin countermeasure) still offered. .ci/run installs ssh-audit.
 */
class SshAuditTest {

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh();

    @Test
    void sshAuditFindsNoFailureAndNoEncryptAndMac() throws Exception {
        assumeTrue(Processes.available("ssh-audit"), "ssh-audit is not installed (.ci/run installs it)");
        int port = server.start().address().port();
        Processes.Result audit = Processes.run(List.of("ssh-audit", "-n", "-p", String.valueOf(port), "127.0.0.1"),
                null, 60);
        List<String> lines = audit.stdout().lines().map(String::strip).toList();

        assertEquals(List.of(), lines.stream().filter(line -> line.contains("[fail]")).toList(), audit.stdout());
        assertEquals(List.of(), lines.stream().filter(line -> line.contains("encrypt-and-MAC")).toList(),
                audit.stdout());
        List<String> kex = algorithms(lines, "kex");
        assertTrue(kex.contains("kex-strict-s-v00@openssh.com"), "strict KEX offered: " + kex);
        assertTrue(kex.contains("curve25519-sha256"), audit.stdout());
        assertFalse(kex.stream().anyMatch(name -> name.contains("nistp")), kex.toString());
        List<String> macs = algorithms(lines, "mac");
        assertFalse(macs.isEmpty(), audit.stdout());
        assertTrue(macs.stream().allMatch(name -> name.contains("-etm@")), macs.toString());
        assertEquals(List.of("ssh-ed25519"), algorithms(lines, "key"), audit.stdout());
    }

    /** The algorithm names of one section, from lines like {@code (kex) curve25519-sha256 -- [info] ...}. */
    private static List<String> algorithms(List<String> lines, String section) {
        Pattern line = Pattern.compile("^\\(" + section + "\\) (\\S+).*");
        List<String> names = new ArrayList<>();
        for (String text : lines) {
            Matcher matcher = line.matcher(text);
            if (matcher.matches()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }
}
