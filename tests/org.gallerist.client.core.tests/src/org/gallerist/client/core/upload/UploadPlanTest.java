package org.gallerist.client.core.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UploadPlanTest {
    @TempDir
    Path folder;
    private Path photo;

    @BeforeEach
    void makeFile() throws Exception {
        photo = Files.write(folder.resolve("motorcycle_left.png"), new byte[] { 1, 2, 3 });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "motorcycle_left.png|Motorcycle left",
            "IMG-2024--07.final.JPG|IMG 2024 07 final",
            "hubble deep   field.jpeg|Hubble deep field",
            ".hidden|Hidden",
            "___.png|Untitled",
            "rocket|Rocket" })
    void namesComeFromFileNames(String file, String name) {
        assertEquals(name, FileNames.defaultName(Path.of("/photos", file)));
    }

    @Test
    void aGoodPlanBecomesOneRequestPerFileWithTheSharedValues() {
        UploadPlan plan = new UploadPlan(List.of(UploadItem.of(photo).withDescription("  Red bike ")),
                List.of(" Bikes ", "bikes", "Two  Wheels"), "12.5", " 3 ", Visibility.PRIVATE);
        assertEquals(Optional.empty(), plan.check());
        assertEquals(List.of(new NewImage(null, "Red bike", List.of("bikes", "two wheels"),
                new BigDecimal("12.50"), 3, Visibility.PRIVATE, false, "Motorcycle left")), plan.newImages(),
                "the suggested name gives way to the photo's own title");
    }

    @Test
    void aTypedNameIsTheNameEvenWhereThePhotoHasATitle() {
        UploadItem typed = UploadItem.of(photo).withName("Red bike");
        UploadItem keptAsSuggested = UploadItem.of(photo).withName("Motorcycle left");
        UploadPlan plan = new UploadPlan(List.of(typed, keptAsSuggested), List.of(), "1", "1", Visibility.PUBLIC);
        assertEquals("Red bike", plan.newImages().get(0).name());
        assertEquals(null, plan.newImages().get(0).untitledName());
        assertEquals(null, plan.newImages().get(1).name(), "the table sets an unchanged cell: still a suggestion");
        assertEquals("Motorcycle left", plan.newImages().get(1).untitledName());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "12.505|1|Invalid price '12.505': use a number with at most 2 decimals, e.g. 12.50.",
            "-1|1|The price must not be negative.",
            "ten|1|Invalid price 'ten': use a number with at most 2 decimals, e.g. 12.50.",
            "1000000000.01|1|The price is too high.",
            "1|-1|The quantity must not be negative.",
            "1|2.5|Invalid quantity '2.5': use a whole number, 0 or more.",
            "1|99999999999|Invalid quantity '99999999999': use a whole number, 0 or more." })
    void badPricesAndQuantitiesAreExplained(String price, String quantity, String message) {
        UploadPlan plan = new UploadPlan(List.of(UploadItem.of(photo)), List.of(), price, quantity, Visibility.PUBLIC);
        assertEquals(Optional.of(message), plan.check());
    }

    @Test
    void tagsAreCheckedByTheServersRules() {
        assertEquals("straßen-bahn_2", TagRules.normalize("  Straßen-Bahn_2 "));
        assertEquals(List.of("cats", "big dogs"), TagRules.split("Cats, big  dogs,,cats , "));
        UploadPlan plan = new UploadPlan(List.of(UploadItem.of(photo)), List.of("ok", "not/ok"), "1", "1",
                Visibility.PUBLIC);
        assertEquals(Optional.of("Invalid tag 'not/ok': use 1 to 40 letters, digits, spaces, '-' or '_'."),
                plan.check());
    }

    @Test
    void filesNeedANameAndMustBeReadable() {
        assertEquals(Optional.of("Add at least one image file."),
                new UploadPlan(List.of(), List.of(), "1", "1", Visibility.PUBLIC).check());
        assertEquals(Optional.of("motorcycle_left.png: The name is empty."),
                new UploadPlan(List.of(UploadItem.of(photo).withName("  ")), List.of(), "1", "1", Visibility.PUBLIC)
                        .check());
        Path missing = folder.resolve("missing.png");
        assertEquals(Optional.of("Cannot read " + missing + "."),
                new UploadPlan(List.of(UploadItem.of(missing)), List.of(), "1", "1", Visibility.PUBLIC).check());
    }
}
