package org.lantern.monitor.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.monitor.match.Classification;
import org.lantern.monitor.match.PhraseMatcher;

/** A school's changes replayed over a shipped library: adding, removing, relevelling, excluding. */
class SchoolEditsTest {

    private static final String HEADER = "phrase,category,language,level,rule,help_seeking,identity,source,licence\n";

    private static PhraseLibrary shipped() throws Exception {
        return LibraryCsv.read(new StringReader(HEADER
                + "kill myself,suicide,en,5,alone,false,false,curated,CC0-1.0\n"
                + "suicide,suicide,en,3,not-in:suicide squad,false,false,curated,CC0-1.0\n"
                + "samaritans,suicide,en,1,alone,true,false,curated,CC0-1.0\n"), "lantern-suicide", "2026.12.2");
    }

    private static PhraseEntry entry(String row) throws Exception {
        return LibraryCsv.readEntries(new StringReader(HEADER + row), List.of(), true).getFirst();
    }

    private static Classification classify(PhraseLibrary library, String text, AgeBand band) {
        return PhraseMatcher.build(List.of(library)).classify(text, band);
    }

    @Test
    void noEditsIsTheShippedLibraryUnderTheNewVersion() throws Exception {
        PhraseLibrary library = SchoolEdits.apply(shipped(), "2026.12.2+school.0", List.of());
        assertThat(library.entries()).isEqualTo(shipped().entries());
        assertThat(library.version()).isEqualTo("2026.12.2+school.0");
    }

    @Test
    void aPhraseWithGapsAndItsPlainFormStayTwoPhrases() throws Exception {
        PhraseLibrary shipped = LibraryCsv.read(new StringReader(HEADER
                + "want to die,suicide,en,5,alone,false,false,curated,CC0-1.0\n"
                + "want ... to die,suicide,en,5,alone,false,false,curated,CC0-1.0\n"), "lantern-suicide", "1");

        assertThat(SchoolEdits.apply(shipped, "1+school.1", List.of()).entries())
                .extracting(PhraseEntry::phrase).containsExactly("want to die", "want ... to die");
    }

    @Test
    void anAddedPhraseMatchesAndSaysItsVersion() throws Exception {
        PhraseLibrary library = SchoolEdits.apply(shipped(), "2026.12.2+school.1",
                List.of(new LibraryEdit.Put(entry("end it all tonight,suicide,en,5,alone,false,false,school,CC0-1.0\n"))));
        Classification c = classify(library, "going to END it all tonight", AgeBand.KS3);
        assertThat(c.level()).isEqualTo(5);
        assertThat(c.matches().getFirst().libraryVersion()).isEqualTo("2026.12.2+school.1");
        assertThat(c.matches().getFirst().libraryLine()).isZero();
    }

    @Test
    void aRemovedPhraseNoLongerMatches() throws Exception {
        PhraseLibrary library = SchoolEdits.apply(shipped(), "v", List.of(new LibraryEdit.Remove("Suicide", "en")));
        assertThat(classify(library, "suicide", AgeBand.KS3).level()).isZero();
        assertThat(library.entries()).extracting(PhraseEntry::phrase).containsExactly("kill myself", "samaritans");
    }

    @Test
    void aPutReplacesTheSamePhraseComparedNormalised() throws Exception {
        PhraseEntry put = entry("SUICIDE,suicide,en,2,alone,false,false,school,CC0-1.0\n");
        PhraseLibrary library = SchoolEdits.apply(shipped(), "v",
                List.of(new LibraryEdit.Put(put.withLevels(put.levels().with(AgeBand.PRIMARY, 5)))));
        assertThat(library.entries()).hasSize(3);
        assertThat(classify(library, "suicide", AgeBand.KS4).level()).isEqualTo(2);
        assertThat(classify(library, "suicide", AgeBand.PRIMARY).level()).isEqualTo(5);
    }

    @Test
    void anExclusionStopsThePhraseInThatContextOnly() throws Exception {
        PhraseLibrary library = SchoolEdits.apply(shipped(), "v", List.of(
                new LibraryEdit.Exclude(Category.SUICIDE, "suicide", "suicide prevention week")));
        assertThat(classify(library, "Suicide Prevention Week assembly", AgeBand.KS3).level()).isZero();
        assertThat(classify(library, "suicide", AgeBand.KS3).level()).isEqualTo(3);
        assertThat(classify(library, "suicide squad", AgeBand.KS3).level()).isZero();
        PhraseEntry suicide = SchoolEdits.find(library, "suicide", "en").orElseThrow();
        assertThat(suicide.rule().text()).isEqualTo("not-in:suicide squad;not-in:suicide prevention week");
        assertThat(Rule.parse(suicide.rule().text()).notIn()).isEqualTo(suicide.rule().notIn());
    }

    @Test
    void aWithdrawnExclusionAlertsAgainAndKeepsTheShippedContexts() throws Exception {
        LibraryEdit.Exclude exclude = new LibraryEdit.Exclude(Category.SUICIDE, "suicide", "suicide prevention week");
        PhraseLibrary library = SchoolEdits.apply(shipped(), "v", List.of(exclude,
                new LibraryEdit.Unexclude(Category.SUICIDE, "Suicide", "SUICIDE prevention  week")));

        assertThat(classify(library, "Suicide Prevention Week assembly", AgeBand.KS3).level()).isEqualTo(3);
        assertThat(classify(library, "suicide squad", AgeBand.KS3).level()).isZero();
        assertThat(SchoolEdits.find(library, "suicide", "en").orElseThrow().rule().text()).isEqualTo("not-in:suicide squad");
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource({
            "SUICIDE, suicide, suicide squad, a context the shipped library gives stays",
            "SELF_HARM, suicide, suicide prevention week, another category's withdrawal changes nothing",
            "SUICIDE, kill myself, suicide prevention week, another phrase's withdrawal changes nothing"})
    void aWithdrawalTakesOutOnlyWhatTheSchoolAddedToThatPhrase(Category category, String phrase, String context,
                                                                String why) throws Exception {
        LibraryEdit.Exclude exclude = new LibraryEdit.Exclude(Category.SUICIDE, "suicide", "suicide prevention week");
        PhraseLibrary excluded = SchoolEdits.apply(shipped(), "v", List.of(exclude));
        PhraseLibrary library = SchoolEdits.apply(shipped(), "v", List.of(exclude,
                new LibraryEdit.Unexclude(category, phrase, context)));

        assertThat(library.entries()).as(why).isEqualTo(excluded.entries());
    }

    @Test
    void aWithdrawalAfterARelevelKeepsTheNewLevelAndTheOtherClauses() throws Exception {
        PhraseLibrary excluded = SchoolEdits.apply(shipped(), "v", List.of(
                new LibraryEdit.Exclude(Category.SUICIDE, "kill myself", "i dont want to kill myself")));
        PhraseEntry relevelled = SchoolEdits.find(excluded, "kill myself", "en").orElseThrow().withLevels(Levels.of(4));
        PhraseLibrary library = SchoolEdits.apply(shipped(), "v", List.of(
                new LibraryEdit.Exclude(Category.SUICIDE, "kill myself", "i dont want to kill myself"),
                new LibraryEdit.Put(relevelled),
                new LibraryEdit.Unexclude(Category.SUICIDE, "kill myself", "i dont want to kill myself")));

        PhraseEntry entry = SchoolEdits.find(library, "kill myself", "en").orElseThrow();
        assertThat(entry.rule()).isEqualTo(Rule.ALONE);
        assertThat(entry.levels().level()).isEqualTo(4);
        assertThat(classify(library, "i dont want to kill myself", AgeBand.KS3).level()).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0} in ''{1}''")
    @CsvSource({
            "SUICIDE, kill myself, i dont want to kill myself, an alone rule gains a context",
            "SELF_HARM, suicide, suicide prevention week, another category's exclusion changes nothing",
            "SUICIDE, samaritans, call samaritans, help-seeking phrases are excluded like any other"})
    void exclusionsApplyToTheirCategory(Category category, String phrase, String context, String why) throws Exception {
        PhraseLibrary library = SchoolEdits.apply(shipped(), "v", List.of(new LibraryEdit.Exclude(category, phrase, context)));
        boolean applies = category == Category.SUICIDE;
        assertThat(classify(library, context, AgeBand.KS3).matches().stream().anyMatch(m -> m.phrase().equals(phrase)))
                .as(why).isEqualTo(!applies);
    }

    @Test
    void anExportedLibraryReadsBackTheSame() throws Exception {
        PhraseLibrary library = SchoolEdits.apply(shipped(), "v", List.of(
                new LibraryEdit.Exclude(Category.SUICIDE, "suicide", "suicide prevention week"),
                new LibraryEdit.Put(entry("-9 lives,suicide,en,2,alone,false,false,school,CC0-1.0\n"))));
        // as the server's formula-safe writer puts it: a leading '-' behind an apostrophe
        StringBuilder csv = new StringBuilder(String.join(",", LibraryCsv.columns())).append('\n');
        for (PhraseEntry entry : library.entries()) {
            csv.append(String.join(",", LibraryCsv.row(entry)).replace("-9 lives", "'-9 lives")).append('\n');
        }
        List<PhraseEntry> back = LibraryCsv.readEntries(new StringReader(csv.toString()), List.of(), true);
        assertThat(back).extracting(PhraseEntry::phrase, PhraseEntry::rule, PhraseEntry::levels)
                .isEqualTo(library.entries().stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.phrase(), e.rule(),
                        e.levels())).toList());
    }

    @Test
    void aContextWithARuleSeparatorIsRefused() {
        assertThatThrownBy(() -> new LibraryEdit.Exclude(Category.SUICIDE, "suicide", "suicide; squad"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
