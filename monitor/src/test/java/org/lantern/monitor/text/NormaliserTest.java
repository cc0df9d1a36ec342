package org.lantern.monitor.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The steps together: obfuscations stacked on each other, the spans kept, and text that must not throw. */
class NormaliserTest {

    private final Normaliser normaliser = new Normaliser();

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "How+to+K%31LL+mys3lf%3F"             | "how to kil myself"
            "S U I I I C I D E"                   | "suicid"
            "ｓｅｌｆ－ｈａｒｍ"                     | "self harm"
            "ѕ\u200Bu\u200Bі\u200Bc\u200Bі\u200Bd\u200Bе" | "suicid"
            "Chcę umrzeć!!!"                      | "chce umrzec"
            "Ich will STERBEN"                    | "ich wil sterben"
            "أريد أن أموت"                         | "أريد أن أموت"
            "میں مرنا چاہتا ہوں"                    | "میں مرنا چاہتا ہوں"
            "我想自杀"                             | "我想自杀"
            "Im gonna cut my self 2nite"          | "i am going to cut myself 2nite"
            "i want to diiiiie"                   | "i want to die"
            "suicidarmeeee"                       | "suicidarm"
            "cuttttting myself"                   | "cut myself"
            "i'm starving myself"                 | "i am starv myself"
            "I don't wanna be here"               | "i do not want to be here"
            "   "                                 | ""
            ""                                    | ""
            """)
    void undoesStackedObfuscations(String in, String out) {
        assertThat(normaliser.normalise(in).text()).isEqualTo(out);
    }

    @Test
    void keepsTheOriginalSpanOfEveryCharacter() {
        NormalisedText text = normaliser.normalise("I want to K1LL  my\u200Bself");
        assertThat(text.text()).isEqualTo("i want to kil myself");
        int begin = text.text().indexOf("kil");
        assertThat(text.originalOf(begin, begin + 3)).isEqualTo("K1LL");
        assertThat(text.stepsIn(begin, begin + 3)).containsExactlyInAnyOrder(Step.CASE_FOLDING, Step.LEETSPEAK);
        int my = text.text().indexOf("myself");
        assertThat(text.originalOf(my, my + 6)).isEqualTo("my\u200Bself");
        assertThat(text.stepsIn(my, my + 6)).containsExactly(Step.INVISIBLE_CHARACTERS);
        assertThat(text.stepsIn(0, 1)).containsExactly(Step.CASE_FOLDING);
        assertThat(text.steps()).containsExactlyInAnyOrder(Step.CASE_FOLDING, Step.LEETSPEAK, Step.INVISIBLE_CHARACTERS);
    }

    @Test
    void anUntouchedTextRecordsNoStep() {
        assertThat(normaliser.normalise("my homework").steps()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "\uD800kill"
            "kill\uDC00"
            "\u0000\u0000\u0000"
            "\u202Ekill myself\u202C"
            "😀😀😀 kill 🔪"
            "%"
            "%%%%"
            "%C3"
            "+++"
            "$@!|"
            "a\u0301\u0301\u0301\u0301\u0301"
            "ﷺ"
            "ﷻ"
            """)
    void neverThrowsOnText(String in) {
        NormalisedText text = normaliser.normalise(in);
        for (int i = 0; i < text.length(); i++) {
            assertThat(text.originalStart(i)).isBetween(0, in.length());
            assertThat(text.originalEnd(i)).isBetween(text.originalStart(i), in.length());
        }
    }

    @Test
    void theMatchingFormAloneIsTheSameTextWithoutSpans() {
        String in = "How+to+K%31LL+m\u200Bys3lf ѕuiiicide";
        NormalisedText plain = normaliser.matchingForm(in);
        NormalisedText spans = normaliser.normalise(in);
        assertThat(plain.text()).isEqualTo(spans.text());
        assertThat(plain.steps()).isEqualTo(spans.steps());
        assertThat(plain.hasSpans()).isFalse();
        assertThat(spans.hasSpans()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> plain.originalOf(0, 1))
                .isInstanceOf(IllegalStateException.class);
    }
}
