package org.lantern.monitor.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped curated libraries as data: each file loads whole, holds only its own category, and
 * together they cover every category and, for the highest-risk ones, every required language.
 * What their rules let through is {@link CuratedRulesTest}'s subject.
 */
class CuratedLibrariesTest {

    /** The languages issue 17 asks for in the highest-risk categories. */
    static final List<String> LANGUAGES = List.of("en", "fr", "de", "es", "pl", "pt", "it", "ar", "ur");
    /** The highest-risk categories, which every required language must cover. */
    static final Set<Category> HIGHEST_RISK = Set.of(
            Category.SUICIDE, Category.SELF_HARM, Category.GROOMING, Category.EXTREMISM, Category.ILLEGAL);

    /** Phrases of the suicide library's three files together: a split or a move loses none. */
    private static final int TOTAL_SUICIDE = 954;
    /** Phrases of the grooming library's two files together. */
    private static final int TOTAL_GROOMING = 511;

    /** Every curated file, with its category. */
    static Stream<Arguments> files() {
        return Arrays.stream(Category.values())
                .flatMap(category -> CuratedLibraries.files(category).stream().map(file -> Arguments.of(category, file)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("files")
    void eachFileLoadsWithNoErrorsAndHoldsOnlyItsCategoryWithSourceAndLicence(Category category, String file)
            throws Exception {
        List<PhraseEntry> entries;
        try (InputStream in = CuratedLibraries.class.getResourceAsStream(CuratedLibraries.resource(file))) {
            assertThat(in).as(CuratedLibraries.resource(file)).isNotNull();
            // LibraryCsv, not load(): a bad line fails here with every line number in the message
            entries = LibraryCsv.readEntries(new InputStreamReader(in, StandardCharsets.UTF_8), List.of(), false);
        }
        // a rule may name a term list of another file of its category
        LibraryCsv.checkLists(entries, CuratedLibraries.load(category).stream().flatMap(l -> l.entries().stream()).toList());
        assertThat(entries).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.category()).isEqualTo(category);
            assertThat(entry.source()).isEqualTo(CuratedLibraries.SOURCE);
            assertThat(entry.licence()).isEqualTo("CC0-1.0");
        });
        assertThat(entries.size()).as("a file a reviewer reads in one sitting").isLessThan(400);
    }

    @ParameterizedTest
    @EnumSource(Category.class)
    void everyCategoryHasPhrasesThatCanAlert(Category category) {
        assertThat(CuratedLibraries.load(category).stream().flatMap(l -> l.entries().stream()))
                .as("phrases that can alert").anyMatch(PhraseEntry::alerts);
    }

    @Test
    void suicideIsSplitIntoItsEnglishPhrasesItsOtherLanguagesAndItsTermLists() {
        List<PhraseLibrary> suicide = CuratedLibraries.load(Category.SUICIDE);

        assertThat(suicide).extracting(PhraseLibrary::name)
                .containsExactly("lantern-suicide", "lantern-suicide-languages", "lantern-suicide-terms");
        assertThat(suicide.get(0).entries()).allSatisfy(e -> {
            assertThat(e.language()).isEqualTo("en");
            assertThat(e.rule().term()).isFalse();
        });
        assertThat(suicide.get(1).entries()).allSatisfy(e -> {
            assertThat(e.language()).isNotEqualTo("en");
            assertThat(e.rule().term()).isFalse();
        });
        assertThat(suicide.get(2).entries()).allSatisfy(e -> assertThat(e.rule().term()).isTrue());
        assertThat(suicide.get(2).entries()).extracting(PhraseEntry::list).containsOnly("intent", "means", "heights", "study", "die-idiom",
                "traffic", "amount", "dosage", "sport-benign", "farewell", "absence", "everyday", "food");
        assertThat(suicide.stream().mapToInt(l -> l.entries().size()).sum()).isEqualTo(TOTAL_SUICIDE);
    }

    @Test
    void groomingIsSplitIntoItsEnglishPhrasesWithTheirTermListsAndItsOtherLanguages() {
        List<PhraseLibrary> grooming = CuratedLibraries.load(Category.GROOMING);

        assertThat(grooming).extracting(PhraseLibrary::name).containsExactly("lantern-grooming", "lantern-grooming-languages");
        assertThat(grooming.get(0).entries()).extracting(PhraseEntry::language).containsOnly("en");
        assertThat(grooming.get(1).entries()).extracting(PhraseEntry::language)
                .containsOnlyElementsOf(LANGUAGES.subList(1, LANGUAGES.size()));
        assertThat(grooming.stream().mapToInt(l -> l.entries().size()).sum()).isEqualTo(TOTAL_GROOMING);
    }

    @Test
    void loadGivesOneNamedVersionedLibraryPerFileInCategoryOrder() {
        List<PhraseLibrary> libraries = CuratedLibraries.load();

        assertThat(libraries).extracting(PhraseLibrary::name).containsExactly(Arrays.stream(Category.values())
                .flatMap(c -> CuratedLibraries.files(c).stream()).map(CuratedLibraries::name).toArray(String[]::new));
        assertThat(libraries).extracting(PhraseLibrary::name).contains(Arrays.stream(Category.values())
                .map(CuratedLibraries::name).toArray(String[]::new));
        assertThat(libraries).extracting(PhraseLibrary::version).containsOnly(CuratedLibraries.VERSION);
    }

    @ParameterizedTest
    @EnumSource(Category.class)
    void everyHighestRiskCategoryHasAlertingPhrasesInEveryRequiredLanguage(Category category) {
        Set<String> languages = CuratedLibraries.load(category).stream().flatMap(l -> l.entries().stream())
                .filter(PhraseEntry::alerts)
                .map(PhraseEntry::language)
                .collect(Collectors.toSet());

        assertThat(languages).contains("en");
        if (HIGHEST_RISK.contains(category)) {
            assertThat(languages).containsAll(LANGUAGES);
        }
    }

    @Test
    void noPhraseIsListedTwiceForOneCategoryUnderAnotherLanguage() {
        // the matcher reads every language at once: a word shared by two languages (suicidio) is
        // listed once, or one text would show the same match twice
        Map<String, String> seen = new HashMap<>();
        for (PhraseLibrary library : CuratedLibraries.load()) {
            for (PhraseEntry entry : library.entries()) {
                String key = entry.category().id() + ": " + PhraseGaps.matchingForm(entry.phrase());
                String where = library.name() + " line " + entry.line();
                assertThat(seen.putIfAbsent(key, where)).as(key + " at " + where).isNull();
            }
        }
    }

    @Test
    void identityTermsAreTermsAndHelpSeekingPhrasesAreLowLevels() {
        List<PhraseEntry> entries = CuratedLibraries.load().stream().flatMap(l -> l.entries().stream()).toList();

        assertThat(entries).filteredOn(PhraseEntry::identity).isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.rule().term()).isTrue());
        assertThat(entries).filteredOn(PhraseEntry::helpSeeking).hasSizeGreaterThan(20)
                .allSatisfy(entry -> assertThat(entry.levels().level()).isBetween(1, 3));
    }
}
