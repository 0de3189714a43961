package org.gallerist.protocol.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.ImageQuery;
import org.gallerist.api.image.ImageSize;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One definition of every command line: what the client writes, the server reads back unchanged. */
class CommandCatalogueTest {

    private final CommandCatalogue catalogue = new CommandCatalogue();

    @Test
    void anUploadReadsBackAsItWasWritten() {
        NewImage image = new NewImage("--private 'quoted' name", "a -- description", List.of("night", "deep space"),
                new BigDecimal("12.50"), 3, Visibility.PRIVATE);
        List<String> words = catalogue.words(Images.Add.of(image));
        assertEquals(List.of("images", "add"), words.subList(0, 2));
        assertTrue(words.contains("--name=--private 'quoted' name"), "values never stand alone: " + words);
        Images.Add add = assertInstanceOf(Images.Add.class, parse(words));
        assertEquals(image.name(), add.name());
        assertEquals(image.description(), add.description());
        assertEquals(image.tags(), add.tags());
        assertEquals(0, image.price().compareTo(add.price()));
        assertEquals(3, add.quantity());
        assertEquals(Visibility.PRIVATE, add.visibility());
    }

    @Test
    void queriesUpdatesAndIdsReadBackAsTheyWereWritten() {
        ImageQuery query = new ImageQuery(List.of("a", "b"), true, "red car", true, 25, "CURSOR-1");
        assertEquals(query, ((Images.List) parse(catalogue.words(Images.List.of(query)))).query());

        ImageChanges changes = new ImageChanges(null, "new words", List.of("x"), new BigDecimal("1.5"), 0,
                Visibility.PUBLIC);
        Images.Update update = (Images.Update) parse(catalogue.words(Images.Update.of(42, changes)));
        assertEquals(42, update.id());
        assertNull(update.name(), "what is not given stays as it is");
        assertEquals("new words", update.description());
        assertEquals(List.of("x"), update.tags());
        assertEquals(0L, update.quantity());
        assertEquals(Visibility.PUBLIC, update.visibility());

        Images.Get get = (Images.Get) parse(catalogue.words(new Images.Get(9, ImageSize.THUMB)));
        assertEquals(ImageSize.THUMB, get.size());
        assertEquals(List.of("images", "show", "--", "-3"), catalogue.words(new Images.Show(-3)),
                "a value that looks like an option comes after --");
        assertEquals(-3, ((Images.Show) parse(List.of("images", "show", "--", "-3"))).id());
        assertEquals(12, ((Images.Show) parse(List.of("images", "show", "#12"))).id(), "ids as people write them");
        assertEquals(List.of("1", "2"), ((Images.Delete) parse(catalogue.words(new Images.Delete(List.of(1L, 2L)))))
                .ids());
        assertEquals("SHA256:abc", ((Keys.Remove) parse(catalogue.words(new Keys.Remove("SHA256:abc"))))
                .fingerprint());
        assertEquals("k-123456", ((Orders.Place) parse(catalogue.words(new Orders.Place("k-123456"))))
                .requestKey());
        assertEquals(List.of("whoami"), catalogue.words(new Account.Whoami()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "images add --name N --price 1 --quantity 1 --colour red|--colour|images add",
            "images add --name N --quantity 1|--price|images add",
            "images add --name N --price abc --quantity 1|abc|images add",
            "images add --name N --price 1 --quantity 1.5|1.5|images add",
            "images add --name N --price 1 --quantity 1 stray|stray|images add",
            "images list --limit|--limit|images list",
            "images show|ID|images show",
            "images show 1 2|2|images show",
            "images frobnicate|frobnicate|images",
            "images|images|images",
            "images get 1 --size huge|huge|images get",
            "orders place --request|--request|orders place",
            "tags rename only-one|NEW|tags rename",
            "whoami please|please|whoami" })
    void aCommandLineThatCannotBeReadIsAUsageErrorNamingTheWordAndTheUsage(String line, String word, String usage) {
        GalleristException e = assertThrows(GalleristException.class, () -> parse(List.of(line.split(" "))));
        assertEquals(ErrorCode.USAGE, e.code(), e.getMessage());
        assertEquals(word, e.details().get(GalleristException.WORD), e.getMessage());
        String usageLine = (String) e.details().get(GalleristException.USAGE);
        assertTrue(usageLine.startsWith(usage), usageLine);
        assertTrue(e.getMessage().contains("Usage: " + usage), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }

    @Test
    void helpAnywhereInTheLineShowsThatCommandsUsage() {
        HelpRequested help = assertThrows(HelpRequested.class, () -> parse(List.of("images", "add", "--help")));
        assertTrue(help.text().startsWith("Usage: images add"), help.text());
        assertTrue(help.text().contains("--name=N") && help.text().contains("--price=P"), help.text());
        HelpRequested group = assertThrows(HelpRequested.class, () -> parse(List.of("images", "-h")));
        assertTrue(group.text().contains("similar"), group.text());
    }

    @Test
    void eachCommandSaysWhetherItMayBeSentAgain() {
        assertTrue(catalogue.safeToReplay(List.of("images", "list", "--tag", "x")));
        assertTrue(catalogue.safeToReplay(List.of("images", "update", "1", "--price", "2")), "sets values");
        assertFalse(catalogue.safeToReplay(List.of("images", "add", "--name", "N", "--price", "1", "--quantity", "1")),
                "only the typed client recognises a repeated upload");
        assertFalse(catalogue.safeToReplay(List.of("orders", "place")));
        assertTrue(catalogue.safeToReplay(List.of("orders", "place", "--request", "key-12345")));
        assertTrue(catalogue.safeToReplay(List.of("orders", "place", "--request=key-12345")));
        assertFalse(catalogue.safeToReplay(List.of("images", "list", "--bogus")), "what cannot be parsed is not sent again");
        assertFalse(catalogue.safeToReplay(List.of("plugin-command")), "unknown commands are not sent again");
        assertEquals(Replay.Safety.RECOGNISED, new Images.Delete().replay());
    }

    @Test
    void theReferenceListsEveryCommand() {
        List<String> commands = catalogue.entries().stream().map(CommandCatalogue.Entry::command).toList();
        assertEquals(List.of("whoami", "ping", "help", "keys add", "keys list", "keys remove", "password set", "images add",
                "images import", "images list", "images show", "images get", "images similar", "images update",
                "images delete", "tags list", "tags rename", "tags delete", "orders place", "orders list", "orders sales",
                "orders totals", "server info", "users list", "users disable", "users enable", "users promote",
                "users demote", "users reset", "users claim-admin",
                "signup"), commands);
        assertTrue(catalogue.entries().stream().allMatch(entry -> entry.synopsis().startsWith(entry.command())));
    }

    private WireCommand parse(List<String> words) {
        return catalogue.parse(catalogue.command(words.get(0)).orElseThrow(), words.subList(1, words.size()));
    }
}
