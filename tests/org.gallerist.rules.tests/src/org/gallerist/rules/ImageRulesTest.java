package org.gallerist.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageRulesTest {

    private static void rejected(org.junit.jupiter.api.function.Executable action, String fragment) {
        GalleristException e = assertThrows(GalleristException.class, action);
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({ "12, 12.00", "12.5, 12.50", "0.99, 0.99", "0, 0.00", " 7.10 , 7.10" })
    void pricesAreDecimalsWithTwoPlaces(String text, String expected) {
        assertEquals(new BigDecimal(expected), ImageRules.price(text));
    }

    @Test
    void badPricesSayWhatIsWrong() {
        rejected(() -> ImageRules.price("-1"), "negative");
        rejected(() -> ImageRules.price("1.999"), "at most 2 decimals");
        rejected(() -> ImageRules.price("ten"), "at most 2 decimals");
        rejected(() -> ImageRules.price("1e3"), "at most 2 decimals");
        rejected(() -> ImageRules.price(new BigDecimal("1.001")), "more than 2 decimals");
        assertEquals(new BigDecimal("1.50"), ImageRules.price(new BigDecimal("1.5000")));
    }

    @Test
    void quantitiesAreWholeAndNotNegative() {
        assertEquals(0, ImageRules.quantity("0"));
        assertEquals(42, ImageRules.quantity(" 42 "));
        rejected(() -> ImageRules.quantity("-1"), "negative");
        rejected(() -> ImageRules.quantity("1.5"), "whole number");
        rejected(() -> ImageRules.quantity("many"), "whole number");
        rejected(() -> ImageRules.quantity("99999999999"), "whole number");
    }

    @Test
    void tagsAreTrimmedLowerCasedAndDeduplicated() {
        assertEquals("x y", ImageRules.tag("x\ty"));
        assertEquals(List.of("cats", "black and white", "x_y-z", "über"),
                ImageRules.tags(List.of(" Cats ", "Black   and White", "cats", "x_y-z", "ÜBER")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "a/b", "semi;colon", "emoji\uD83D\uDE00", "nul\u0000char" })
    void badTagsAreRejected(String tag) {
        rejected(() -> ImageRules.tag(tag), "Invalid tag");
    }

    @Test
    void tagsAreAtMostFortyCharacters() {
        assertEquals("a".repeat(40), ImageRules.tag("A".repeat(40)));
        assertEquals("a b", ImageRules.tag("a" + " ".repeat(60) + "b"), "counted after normalising");
        tooLong(() -> ImageRules.tag("a".repeat(41)), "tag", 40);
    }

    @Test
    void namesAreRequiredAndBounded() {
        assertEquals("Sunset", ImageRules.name("  Sunset "));
        assertEquals("x".repeat(200), ImageRules.name(" " + "x".repeat(200) + " "));
        rejected(() -> ImageRules.name(" "), "empty");
        tooLong(() -> ImageRules.name("x".repeat(201)), "name", 200);
        rejected(() -> ImageRules.name("a\u0000b"), "control");
    }

    @Test
    void descriptionsTagListsAndSearchesAreBoundedWithTooLong() {
        assertEquals(4000, ImageRules.description("d".repeat(4000)).length());
        tooLong(() -> ImageRules.description("d".repeat(4001)), "description", 4000);
        List<String> fifty = java.util.stream.IntStream.range(0, 50).mapToObj(i -> "t" + i).toList();
        assertEquals(50, ImageRules.tags(fifty).size());
        List<String> fiftyOne = java.util.stream.IntStream.range(0, 51).mapToObj(i -> "t" + i).toList();
        tooLong(() -> ImageRules.tags(fiftyOne), "tags", 50);
        assertEquals(List.of("x"), ImageRules.tags(java.util.Collections.nCopies(500, "X")), "repeats are one tag");
        assertEquals(1, ImageRules.words("w".repeat(500)).size());
        tooLong(() -> ImageRules.words("w".repeat(501)), "text", 500);
        tooLong(() -> ImageRules.words("w".repeat(100_000)), "text", 500);
        String twentyOneWords = String.join(" ", java.util.stream.IntStream.range(0, 21).mapToObj(i -> "w" + i).toList());
        tooLong(() -> ImageRules.words(twentyOneWords), "words", 20);
    }

    private static void tooLong(org.junit.jupiter.api.function.Executable action, String field, int max) {
        GalleristException e = assertThrows(GalleristException.class, action);
        assertEquals(ErrorCode.TOO_LONG, e.code(), e.getMessage());
        assertEquals(java.util.Map.of(GalleristException.LIMIT, field, GalleristException.MAX, max), e.details());
        assertTrue(e.getMessage().contains(String.valueOf(max)), e.getMessage());
    }

    @Test
    void limitsAreBetweenOneAndTwoHundred() {
        assertEquals(200, ImageRules.limit("200"));
        rejected(() -> ImageRules.limit("0"), "between 1 and 200");
        rejected(() -> ImageRules.limit("201"), "between 1 and 200");
        rejected(() -> ImageRules.limit("lots"), "Invalid limit");
    }

    @Test
    void searchWordsAreLowerCasedAndUnique() {
        assertEquals(List.of("red", "barn", "2024"), ImageRules.words("Red barn, RED; 2024!"));
        assertEquals(List.of(), ImageRules.words("  "));
    }
}
