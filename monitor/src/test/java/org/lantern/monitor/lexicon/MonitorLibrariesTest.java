package org.lantern.monitor.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.library.CuratedLibraries;
import org.lantern.monitor.library.LibraryCsv;
import org.lantern.monitor.library.PhraseEntry;
import org.lantern.monitor.library.PhraseLibrary;
import org.lantern.monitor.match.Classification;
import org.lantern.monitor.match.PhraseMatcher;

/** The curated libraries with the lexicons imported beneath them, as the server builds its matcher. */
class MonitorLibrariesTest {

    private static final String HEADER = "phrase,category,language,level,rule,help_seeking,identity,list,source,licence\n";

    private static PhraseLibrary library(String name, String rows) throws Exception {
        return LibraryCsv.read(new StringReader(HEADER + rows), name, "1");
    }

    @Test
    void aPhraseTheCuratedLibrariesHaveIsTheirsAloneAndAnIdentityTermIsNeverAnImportedRisk() throws Exception {
        PhraseLibrary curated = library("curated", """
                kill myself,suicide,en,5,alone,false,false,,lantern-curated,CC0-1.0
                bisexual,hate,en,,term,false,true,identity,lantern-curated,CC0-1.0
                """);
        PhraseLibrary imported = library("lexicon", """
                Kill Myself,self-harm,en,4,alone,false,false,,lexicon,CC-BY-4.0
                bisexual,pornography,en,1,alone,false,false,,lexicon,CC-BY-4.0
                lésbica,hate,pt,,term,false,true,other,lexicon,CC-BY-4.0
                lesbica,pornography,pt,1,alone,false,false,,lexicon,CC-BY-4.0
                ball gag,pornography,en,2,alone,false,false,,lexicon,CC-BY-4.0
                """);

        List<PhraseLibrary> combined = MonitorLibraries.combine(List.of(curated), List.of(imported));

        assertThat(combined).extracting(PhraseLibrary::name).containsExactly("curated", "lexicon");
        assertThat(combined.get(0)).isSameAs(curated);
        assertThat(combined.get(1).version()).isEqualTo("1");
        assertThat(combined.get(1).entries()).extracting(PhraseEntry::phrase, PhraseEntry::language)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lésbica", "pt"),
                        org.assertj.core.groups.Tuple.tuple("ball gag", "en"));
    }

    /** Built once: importing both lexicons and building their automaton takes seconds. */
    private static PhraseMatcher withLexicons;

    private static synchronized PhraseMatcher withLexicons() throws Exception {
        Path lexicons = SharedData.require("lexicons");
        if (withLexicons == null) {
            withLexicons = PhraseMatcher.build(MonitorLibraries.withLexicons(lexicons));
        }
        return withLexicons;
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            am i bisexual
            transgender
            what is pansexual
            am i gay
            """)
    void identityStillNeverShowsWithTheLexicons(String text) throws Exception {
        Classification classification = withLexicons().classify(text, AgeBand.KS3);

        assertThat(classification.matches()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0} ({1}) -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            i want to kill myself          | ks3 | 5 | lantern-suicide
            how many pills to die          | ks3 | 4 | lantern-suicide
            i wish i was never born        | ks3 | 4 | suicide-risk-lexicon
            they spread rumors about me    | ks3 | 3 | suicide-risk-lexicon
            """)
    void curatedAndImportedPhrasesAreFoundAndSayWhichLibrary(String text, String band, int level, String library) throws Exception {
        Classification classification = withLexicons().classify(text, AgeBand.ofId(band).orElseThrow());

        assertThat(classification.level()).isEqualTo(level);
        assertThat(classification.matches()).anySatisfy(m -> assertThat(m.library()).isEqualTo(library));
        assertThat(classification.matches()).extracting(m -> m.phrase().toLowerCase() + " " + m.category())
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            how to kill process in linux
            my feet are killing me
            i'll die if i don't get tickets
            photo shoot ideas
            dog grooming near me
            rest in peace grandad
            i shot myself in the foot there, shooting myself in the foot again
            why did juliet commit suicide in romeo and juliet
            """)
    void everydayTextsStayBelowAnAlertWithTheLexicons(String text) throws Exception {
        PhraseMatcher matcher = withLexicons();
        for (AgeBand band : AgeBand.values()) {
            assertThat(matcher.classify(text, band).level()).as(band.id()).isLessThan(3);
        }
    }

    @Test
    void anEverydayWordIsNoMatchWithTheLexicons() throws Exception {
        assertThat(withLexicons().classify("cats and dogs and rabbits", AgeBand.KS3).matches()).isEmpty();
    }

    @Test
    void withoutLexiconsTheCuratedLibrariesAreAll() {
        assertThat(MonitorLibraries.curated()).extracting(PhraseLibrary::name)
                .containsExactlyElementsOf(CuratedLibraries.load().stream().map(PhraseLibrary::name).toList());
    }
}
