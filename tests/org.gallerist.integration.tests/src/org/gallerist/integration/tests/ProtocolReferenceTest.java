package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.gallerist.api.client.GalleristSession;
import org.gallerist.protocol.command.CommandCatalogue;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * docs/protocol.md against the commands a real server registers: every command word the server answers is in the
 * protocol's catalogue and the reference, and the reference's command section is what the catalogue says. Run with
 * {@code -Dgallerist.writeDocs=true} to write the section anew after changing a command.
 */
class ProtocolReferenceTest {

    static final String BEGIN = "<!-- BEGIN GENERATED: the commands, from org.gallerist.protocol.command -->";
    static final String END = "<!-- END GENERATED -->";

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh();

    private final CommandCatalogue catalogue = new CommandCatalogue();

    @Test
    void theReferenceMatchesTheRegisteredCommands() throws Exception {
        Set<String> registered = new TreeSet<>();
        server.signUp("rita");
        try (GalleristSession session = server.logIn("rita")) {
            for (Map<String, Object> line : session.exec(List.of("help"), new byte[0])) {
                registered.add(String.valueOf(line.get("command")));
            }
        }
        server.stop(); // what follows needs no server
        assertEquals(new TreeSet<>(catalogue.commandWords()), registered,
                "the server registers exactly the protocol's commands");

        Path reference = Path.of(System.getProperty("gallerist.docs", "docs"), "protocol.md");
        String generated = commandSection();
        String text = Files.readString(reference, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertTrue(begin >= 0 && end > begin, reference + " has no generated section");
        if (Boolean.getBoolean("gallerist.writeDocs")) {
            text = text.substring(0, begin + BEGIN.length()) + "\n" + generated + text.substring(end);
            Files.writeString(reference, text, StandardCharsets.UTF_8);
            end = text.indexOf(END);
        }
        assertEquals(generated, text.substring(begin + BEGIN.length() + 1, end),
                reference + " is behind the code: run this test with -Dgallerist.writeDocs=true");
        for (String word : registered) {
            assertTrue(text.contains("### `" + word), word + " is not documented");
        }
    }

    private String commandSection() {
        StringBuilder section = new StringBuilder();
        section.append("| command | sent again after a lost connection |\n|---|---|\n");
        for (CommandCatalogue.Entry entry : catalogue.entries()) {
            section.append("| `").append(entry.command()).append("` | ").append(entry.replay().description())
                    .append(" |\n");
        }
        for (CommandCatalogue.Entry entry : catalogue.entries()) {
            section.append("\n### `").append(entry.command()).append("`\n\n```text\n")
                    .append(entry.help().stripTrailing()).append("\n```\n");
        }
        return section.append("\n").toString();
    }
}
