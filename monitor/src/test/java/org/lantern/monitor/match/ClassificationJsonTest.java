package org.lantern.monitor.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.library.PhraseLibrary;

/** The one JSON form of a classification: its fields, escapes, and illegal content masked. */
class ClassificationJsonTest {

    private static final PhraseMatcher MATCHER = PhraseMatcher.build(List.of(PhraseLibrary.starter()));

    @Test
    void nothingFoundIsLevelZeroWithNoCategories() {
        assertThat(ClassificationJson.toJson(MATCHER.classify("maths homework", AgeBand.KS3)))
                .isEqualTo("{\"text\":\"maths homework\",\"level\":0,\"categories\":[],\"helpSeeking\":false}");
    }

    @Test
    void aMatchExplainsItselfInTheDocumentedFieldsInOrder() {
        assertThat(ClassificationJson.toJson(MATCHER.classify("I wanna END MY LIFE", AgeBand.KS3)))
                .isEqualTo("{\"text\":\"I wanna END MY LIFE\",\"level\":5,\"categories\":[{\"id\":\"suicide\","
                        + "\"level\":5,\"phrase\":\"end my life\",\"normalised\":\"end my life\",\"rule\":\"alone\","
                        + "\"library\":\"lantern-starter\",\"libraryVersion\":\"" + PhraseLibrary.STARTER_VERSION
                        + "\"}],\"helpSeeking\":false}");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"maths homework", "", " ", "say \"hi\" \\ there", "bell\u0007 nul\u0000", "line\u2028sep\u2029",
            "café ß İstanbul", "😀 emoji", "skill issue", "suicide squad", "50% off", "ｍａｔｈｓ", "日本語のテキスト"})
    void aTextInWhichNothingIsFoundGetsTheSameJsonWithoutItsClassification(String text) {
        StringBuilder json = new StringBuilder("[");

        assertThat(MATCHER.findsNothing(text)).isTrue();
        ClassificationJson.appendNothingFound(json, text);

        assertThat(json.toString()).isEqualTo("[" + ClassificationJson.toJson(MATCHER.classify(text, AgeBand.KS3)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"i want to kill myself", "k.i.l.l m.y.s.e.l.f", "where to find child porn", "samaritans",
            // a term alone alerts on nothing, but deciding that is the rules' work, left to classify
            "bridge"})
    void aTextWithAPhraseMayHoldSomethingAndIsLeftToClassify(String text) {
        assertThat(MATCHER.findsNothing(text)).isFalse();
    }

    @Test
    void aTextLongerThanTheMatcherReadsIsLeftToClassify() {
        assertThat(MATCHER.findsNothing("a".repeat(PhraseMatcher.MAX_CHARS + 1))).isFalse();
        assertThat(MATCHER.findsNothing("a".repeat(PhraseMatcher.MAX_CHARS))).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "'say \"hi\"' | '\"say \\\"hi\\\"\"'",
            "'back\\slash' | '\"back\\\\slash\"'",
            "'tab\there' | '\"tab\\there\"'",
            "'bell\u0007' | '\"bell\\u0007\"'",
            "'line\u2028sep' | '\"line\\u2028sep\"'"})
    void textIsEscapedAsJson(String text, String escaped) {
        assertThat(ClassificationJson.toJson(MATCHER.classify(text, AgeBand.KS3))).startsWith("{\"text\":" + escaped + ",");
    }

    @Test
    void illegalContentAndAnyMatchWithinItAreMaskedWithANote() {
        String json = ClassificationJson.toJson(MATCHER.classify("where to find child porn", AgeBand.KS3));

        assertThat(json).doesNotContain("child", "\"porn\"")
                .contains("\"text\":\"where to find c**** ****\"", "\"phrase\":\"c**** ****\"", "\"phrase\":\"p***\"",
                        "\"note\":\"" + ClassificationJson.MASKED_NOTE + "\"");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {"child porn | c**** ****", "x | x", "'' | ''", "😀ab | 😀**"})
    void maskKeepsTheFirstLetterAndSpaces(String words, String masked) {
        assertThat(ClassificationJson.mask(words)).isEqualTo(masked);
    }
}
