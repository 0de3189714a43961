package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.Processes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A command line the server cannot read, as a shell user meets it: one JSON error with code {@code usage}, the word
 * and the usage line, exit status 2 and nothing on stdout; {@code --help} prints the usage and exits 0.
 */
class StockOpenSshUsageTest {

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh();

    private String ssh;

    @BeforeEach
    void signUp() throws Exception {
        ssh = server.openSsh().signedUp("uma").ssh();
    }

    @Test
    void badCommandLinesAnswerUsageWithTheWordAndExitTwo() throws Exception {
        usage("frobnicate", "frobnicate", "COMMAND");
        usage("images add --name N --price 1 --quantity 1 --colour red < /dev/null", "--colour", "images add");
        usage("images list --limit", "--limit", "images list");
        usage("images add --name N --price abc --quantity 1 < /dev/null", "abc", "images add");
        usage("images show 1 2", "2", "images show");
        usage("images", "images", "images");
        usage("tags rename lonely", "NEW", "tags rename");
        Processes.Result stillThere = run(ssh + " whoami");
        assertEquals(0, stillThere.exitCode(), "the server and the account are fine: " + stillThere.stderr());
        assertTrue(stillThere.stdout().contains("\"user\":\"uma\""), stillThere.stdout());
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() throws Exception {
        Processes.Result help = run(ssh + " images add --help");
        assertEquals(0, help.exitCode(), help.stderr());
        assertTrue(help.stdout().startsWith("Usage: images add"), help.stdout());
        assertTrue(help.stdout().contains("--price=P") && help.stdout().contains("--quantity=Q"), help.stdout());
        assertEquals("", help.stderr().strip());
        Processes.Result group = run(ssh + " orders --help");
        assertEquals(0, group.exitCode(), group.stderr());
        assertTrue(group.stdout().contains("place") && group.stdout().contains("sales"), group.stdout());
    }

    @Test
    void doubleDashEndsTheOptions() throws Exception {
        Files.write(server.folder().resolve("dash.png"), TestImages.png(60, 80, 60));
        Processes.Result named = run(ssh + " images add --price 1 --quantity 1 --name=--private < dash.png");
        assertEquals(0, named.exitCode(), named.stderr());
        assertTrue(named.stdout().contains("\"name\":\"--private\"") && named.stdout().contains("\"visibility\":\"public\""),
                named.stdout());
        Processes.Result missing = run(ssh + " images show -- 424242");
        assertEquals(1, missing.exitCode(), "parsed as an id after --, then not found: " + missing.stderr());
        assertTrue(missing.stderr().contains("\"error\":\"not_found\""), missing.stderr());
    }

    private void usage(String command, String word, String usagePrefix) throws Exception {
        Processes.Result result = run(ssh + " " + command);
        assertEquals(2, result.exitCode(), command + ": " + result.stderr());
        assertEquals("", result.stdout().strip(), command);
        String error = result.stderr().strip();
        assertTrue(error.startsWith("{\"error\":\"usage\",\"message\":"), command + ": " + error);
        assertTrue(error.contains("\"word\":\"" + word + "\""), command + ": " + error);
        assertTrue(error.contains("\"usage\":\"" + usagePrefix), command + ": " + error);
        assertTrue(!error.contains("Exception") && !error.contains("\tat "), command + ": " + error);
    }

    private Processes.Result run(String script) throws Exception {
        return server.openSsh().shell(script);
    }
}
