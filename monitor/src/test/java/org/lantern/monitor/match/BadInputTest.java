package org.lantern.monitor.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.library.PhraseLibrary;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Text from the network is never trusted: huge, malformed, right-to-left, emoji, NUL. */
class BadInputTest {

    private static final PhraseMatcher MATCHER = PhraseMatcher.build(List.of(PhraseLibrary.starter()));

    @Test
    void aMegabyteOfOneRepeatedPhraseIsOneLinearPassAndOneMatchPerPhrase() {
        String text = "kill myself ".repeat(80_000);
        Classification result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> MATCHER.classify(text, AgeBand.KS3));
        assertThat(result.level()).isEqualTo(5);
        assertThat(result.matches()).extracting(Match::phrase).containsExactly("kill myself", "kill");
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void aTextLongerThanTheLimitIsReadUpToItAndSaysSo() {
        String text = "a".repeat(PhraseMatcher.MAX_CHARS) + " kill myself";
        Classification result = MATCHER.classify(text, AgeBand.KS3);
        assertThat(result.truncated()).isTrue();
        assertThat(result.text()).hasSize(PhraseMatcher.MAX_CHARS);
        assertThat(result.level()).isZero();
    }

    @Test
    void theLimitNeverSplitsASurrogatePair() {
        String text = "a".repeat(PhraseMatcher.MAX_CHARS - 1) + "😀";
        assertThat(MATCHER.classify(text, AgeBand.KS3).text()).hasSize(PhraseMatcher.MAX_CHARS - 1);
    }

    @Test
    void aMegabyteOfDistinctPhrasesStaysBounded() {
        StringBuilder text = new StringBuilder();
        while (text.length() < 1_000_000) {
            text.append("suicide squad k.i.l.l m\u200By\u200Bself ѕuicide %F0%9F%98%80 ");
        }
        Classification result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> MATCHER.classify(text.toString(), AgeBand.KS3));
        assertThat(result.level()).isEqualTo(5);
    }

    @Test
    void invalidUtf8IsReadWithReplacementCharacters() {
        byte[] bytes = {'k', 'i', 'l', 'l', ' ', (byte) 0xC3, (byte) 0x28, ' ', 'm', 'y', 's', 'e', 'l', 'f', (byte) 0xFF};
        Classification result = MATCHER.classify(bytes, AgeBand.KS3);
        assertThat(result.text()).isEqualTo("kill \uFFFD( myself\uFFFD");
        // a replacement character is a word break, like any symbol
        assertThat(result.level()).isEqualTo(5);
        byte[] valid = "kill myself".getBytes(StandardCharsets.UTF_8);
        assertThat(MATCHER.classify(valid, AgeBand.KS3).level()).isEqualTo(5);
    }

    @Test
    void rightToLeftTextEmojiAndNulAreRead() {
        assertThat(MATCHER.classify("\u202Ekill myself\u202C", AgeBand.KS3).level()).isEqualTo(5);
        assertThat(MATCHER.classify("أريد أن أموت \u200F kill myself", AgeBand.KS3).level()).isEqualTo(5);
        assertThat(MATCHER.classify("😭😭 kill myself 🔪", AgeBand.KS3).level()).isEqualTo(5);
        assertThat(MATCHER.classify("kill\u0000myself", AgeBand.KS3).level()).isEqualTo(5);
        assertThat(MATCHER.classify("\u0000", AgeBand.KS3).level()).isZero();
        assertThat(MATCHER.classify("\uD800", AgeBand.KS3).level()).isZero();
    }

    @Test
    void hugeBytesAreDecodedOnlyAsFarAsTheLimitAndSaySo() {
        byte[] bytes = "€".repeat(PhraseMatcher.MAX_CHARS + 10).getBytes(StandardCharsets.UTF_8);
        Classification result = MATCHER.classify(bytes, AgeBand.KS3);
        assertThat(result.truncated()).isTrue();
        assertThat(result.text()).hasSize(PhraseMatcher.MAX_CHARS);
    }

    @Test
    void randomTextNeverThrowsAndEveryMatchPointsIntoIt() {
        // characters that stress each step: escapes, separators, leet symbols, look-alikes,
        // marks, invisible characters, lone surrogates, wide and right-to-left letters
        String alphabet = "kilmysuce%+2F0 .-_$@!|1345\u0000\u200B\u00AD\uFEFF\u202Eѕуіаοе\u0301\u0334ßẞｋ𝐤😀"
                + "\uD800\uDC00مرحبا自杀ł";
        int[] units = alphabet.chars().toArray();
        java.util.Random random = new java.util.Random(17);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append((char) units[random.nextInt(units.length)]);
            }
            String t = text.toString();
            Classification result = MATCHER.classify(t, AgeBand.KS3);
            assertThat(result.matches()).allSatisfy(m -> assertThat(t).contains(m.original()));
        }
    }
}
