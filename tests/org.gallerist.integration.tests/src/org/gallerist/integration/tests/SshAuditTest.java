package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;

import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

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
        Processes.Result audit = Processes.run(List.of("ssh-audit", "-j", "-p", String.valueOf(port), "127.0.0.1"),
                null, 60);
        JsonObject report = JsonParser.parseString(audit.stdout()).getAsJsonObject();

        List<String> failures = new ArrayList<>();
        List<String> encryptAndMac = new ArrayList<>();
        for (String section : List.of("kex", "key", "enc", "mac")) {
            for (JsonElement entry : report.getAsJsonArray(section)) {
                JsonObject algorithm = entry.getAsJsonObject();
                String name = algorithm.get("algorithm").getAsString();
                JsonObject notes = algorithm.has("notes") ? algorithm.getAsJsonObject("notes") : new JsonObject();
                if (notes.has("fail")) {
                    failures.add(section + " " + name + ": " + notes.get("fail"));
                }
                if (notes.has("warn") && notes.get("warn").toString().contains("encrypt-and-MAC")) {
                    encryptAndMac.add(section + " " + name);
                }
            }
        }
        assertEquals(List.of(), failures, audit.stdout());
        assertEquals(List.of(), encryptAndMac, audit.stdout());
        List<String> kex = names(report, "kex");
        assertTrue(kex.contains("kex-strict-s-v00@openssh.com"), "strict KEX offered: " + kex);
        assertTrue(kex.contains("curve25519-sha256"), kex.toString());
        assertFalse(kex.stream().anyMatch(name -> name.contains("nistp")), kex.toString());
        assertFalse(names(report, "mac").stream().anyMatch(name -> !name.contains("-etm@")), names(report, "mac")
                .toString());
    }

    private static List<String> names(JsonObject report, String section) {
        List<String> names = new ArrayList<>();
        report.getAsJsonArray(section).forEach(entry -> names.add(entry.getAsJsonObject().get("algorithm")
                .getAsString()));
        return names;
    }
}
