package org.lantern.monitor.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each normalisation step on its own: what it changes, what it must leave alone, and its mark. */
class StepsTest {

    /** Applies the step with spans and without, which must agree on the text and on the steps. */
    private static String apply(NormalisationStep step, String text) {
        TextBuffer spans = new TextBuffer(text, true);
        step.apply(spans);
        TextBuffer plain = new TextBuffer(text, false);
        step.apply(plain);
        assertThat(plain.toString()).isEqualTo(spans.toString());
        assertThat(plain.stepBits).isEqualTo(spans.stepBits);
        return spans.toString();
    }

    private static boolean marked(NormalisationStep step, String text, Step expected) {
        TextBuffer buffer = new TextBuffer(text, true);
        step.apply(buffer);
        int bits = 0;
        for (int i = 0; i < buffer.length; i++) {
            bits |= buffer.marks[i];
        }
        assertThat(buffer.stepBits & expected.bit()).isEqualTo(bits & expected.bit());
        return (bits & expected.bit()) != 0;
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            how+to+kill+myself         | how to kill myself          | true
            su%69cide                  | suicide                     | true
            %E2%80%8Bkill              | \u200Bkill                  | true
            %F0%9F%98%80               | 😀                          | true
            caf%C3%A9                  | café                        | true
            %252573uicide              | suicide                     | true
            %FF%FEbad                  | \uFFFD\uFFFDbad             | true
            50% off                    | 50% off                     | false
            100%                       | 100%                        | false
            %zz                        | %zz                         | false
            """)
    void urlDecoding(String in, String out, boolean changed) {
        assertThat(apply(new UrlDecoding(), in)).isEqualTo(out);
        assertThat(marked(new UrlDecoding(), in, Step.URL_DECODING)).isEqualTo(changed);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            k\u200Bi\u200Cl\u200Dl        | kill        | true
            su\u00ADicide                 | suicide     | true
            \uFEFFkill\u2060              | kill        | true
            \u202Ekill\u202C              | kill        | true
            k\u0000i\u0000l\u0000l        | kill        | true
            kill\uFE0F                    | kill        | true
            "a\tb"                        | "a\tb"      | false
            مرحبا                          | مرحبا        | false
            😀 emoji                       | 😀 emoji     | false
            """)
    void invisibleCharacters(String in, String out, boolean changed) {
        assertThat(apply(new InvisibleCharacters(), in)).isEqualTo(out);
        assertThat(marked(new InvisibleCharacters(), in, Step.INVISIBLE_CHARACTERS)).isEqualTo(changed);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ｋｉｌｌ       | kill    | true
            𝐤𝐢𝐥𝐥           | kill    | true
            ﬁnd           | find    | true
            ⓚⓘⓛⓛ          | kill    | true
            e\u0301       | é       | true
            kill          | kill    | false
            ضرب           | ضرب     | false
            """)
    void nfkc(String in, String out, boolean changed) {
        assertThat(apply(new UnicodeNfkc(), in)).isEqualTo(out);
        assertThat(marked(new UnicodeNfkc(), in, Step.NFKC)).isEqualTo(changed);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            KILL          | kill          | true
            Selbstmord    | selbstmord    | true
            STRAẞE        | strasse       | true
            Straße        | strasse       | true
            ΣΟΦΟΣ         | σοφοσ         | true
            ÉCOLE         | école         | true
            kill          | kill          | false
            انتحار         | انتحار         | false
            """)
    void caseFolding(String in, String out, boolean changed) {
        assertThat(apply(new CaseFolding(), in)).isEqualTo(out);
        assertThat(marked(new CaseFolding(), in, Step.CASE_FOLDING)).isEqualTo(changed);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            suicidé         | suicide         | true
            samobójstwo     | samobojstwo     | true
            zabić się       | zabic sie       | true
            łódź            | lodz            | true
            k\u0334i\u0335l\u0336l   | kill   | true
            ñandú           | nandu           | true
            άλφα            | αλφα            | true
            kill            | kill            | false
            मारना           | मारना           | false
            خودکشی          | خودکشی          | false
            أُرِيدُ           | أريد            | true
            مـــوت          | موت             | true
            """)
    void diacritics(String in, String out, boolean changed) {
        assertThat(apply(new Diacritics(), in)).isEqualTo(out);
        assertThat(marked(new Diacritics(), in, Step.DIACRITICS)).isEqualTo(changed);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            kіll            | kill            | true
            ѕuicide         | suicide         | true
            ѕех             | sex             | true
            рorn            | porn            | true
            привет          | привет          | false
            самоубийство    | самоубийство    | false
            مرحبا           | مرحبا           | false
            kill            | kill            | false
            """)
    void confusables(String in, String out, boolean changed) {
        assertThat(apply(new Confusables(), in)).isEqualTo(out);
        assertThat(marked(new Confusables(), in, Step.CONFUSABLES)).isEqualTo(changed);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            k.i.l.l                    | kill                  | true
            s u i c i d e              | suicide               | true
            s-e-l-f h-a-r-m            | self harm             | true
            "i want to d i e now"      | "i want to die now"   | true
            k . i . l . l              | kill                  | true
            $.u.i.c.i.d.e              | $uicide               | true
            "plan a b"                 | "plan a b"            | false
            self-harm                  | self-harm             | false
            "k..i....l"                | "k..i....l"           | false
            """)
    void separators(String in, String out, boolean changed) {
        assertThat(apply(new Separators(), in)).isEqualTo(out);
        assertThat(marked(new Separators(), in, Step.SEPARATORS)).isEqualTo(changed);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "  self-harm?? "       | "self harm"
            "how_to...die"         | "how to die"
            "kill 😀 me"           | "kill me"
            "a\tb\nc"              | "a b c"
            "!!!"                  | "!!!"
            "\uFFFD"               | ""
            """)
    void wordBreaks(String in, String out) {
        assertThat(apply(new WordBreaks(), in)).isEqualTo(out);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            k1ll                   | kill                  | true
            d13                    | die                   | true
            $uicide                | suicide               | true
            @ss                    | ass                   | true
            h4t3                   | hate                  | true
            k!ll                   | kill                  | true
            "help!"                | "help "               | false
            "no!!!"                | "no   "                | false
            "kill 9"               | "kill 9"              | false
            "2024"                 | "2024"                | false
            "$100"                 | " 100"                | false
            "s3lf h4rm"            | "self harm"           | true
            """)
    void leetspeak(String in, String out, boolean changed) {
        assertThat(apply(new Leetspeak(), in)).isEqualTo(out);
        assertThat(marked(new Leetspeak(), in, Step.LEETSPEAK)).isEqualTo(changed);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            suiiiicide      | suicide     | true
            kiiiiilllll     | kil         | true
            kill            | kil         | false
            1000            | 1000        | false
            aaa bbb         | a b         | true
            """)
    void repeatedLetters(String in, String out, boolean changed) {
        assertThat(apply(new RepeatedLetters(), in)).isEqualTo(out);
        assertThat(marked(new RepeatedLetters(), in, Step.REPEATED_LETTERS)).isEqualTo(changed);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            diiiie          | die         | true
            kill            | kill        | false
            kisssses        | kisses      | true
            cuttttting      | cutting     | true
            aa bbb          | aa bb       | true
            """)
    void stretchedLettersOnly(String in, String out, boolean changed) {
        assertThat(apply(new RepeatedLetters(3), in)).isEqualTo(out);
        assertThat(marked(new RepeatedLetters(3), in, Step.REPEATED_LETTERS)).isEqualTo(changed);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "im going to do it"         | "i am going to do it"          | true
            "i m so done"               | "i am so done"                 | true
            "iam done"                  | "i am done"                    | true
            "ima end it"                | "i am going to end it"         | true
            "imma end it"               | "i am going to end it"         | true
            "gonna kill my self"        | "going to kill myself"         | true
            "wanna die"                 | "want to die"                  | true
            "i ll do it"                | "i will do it"                 | true
            "she d post them"           | "she would post them"          | true
            "they d find out"           | "they would find out"          | true
            "don t tell"                | "do not tell"                  | true
            "dont tell anyone"          | "do not tell anyone"           | true
            "can not go on"             | "cannot go on"                 | true
            "cant go on"                | "cannot go on"                 | true
            "kill ur self"              | "kill yourself"                | true
            "kill urself"               | "kill yourself"                | true
            "hurt meself"               | "hurt myself"                  | true
            "u r ugly"                  | "you are ugly"                 | true
            "he s older"                | "he is older"                  | true
            "meet tmrw rn"              | "meet tomorrow right now"      | true
            "sumi"                      | "someone"                      | true
            "i feel ill"                | "i feel ill"                   | false
            "its well"                  | "its well"                     | false
            "my selfie"                 | "my selfie"                    | false
            "i am fine"                 | "i am fine"                    | false
            "chcę umrzeć"               | "chcę umrzeć"                  | false
            "  im  "                    | " i am"                        | true
            ""                          | ""                             | false
            """)
    void shorthand(String in, String out, boolean changed) {
        assertThat(apply(new Shorthand(), in)).isEqualTo(out);
        assertThat(marked(new Shorthand(), in, Step.SHORTHAND)).isEqualTo(changed);
    }

    /** Forms of one word must agree; words of another stem or another level must not. */
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "cutting cuts cut"              | "cutt cut cut"                 | true
            "starving starved starves starve" | "starv starv starv starv"    | true
            "dying died dies die"           | "die die die die"              | true
            "lying lies lie"                | "lie lie lie"                  | true
            "bullied bullies bullying bully" | "bulli bulli bulli bulli"     | true
            "crying cries cried cry"        | "cri cri cri cri"              | true
            "killed killing kills kill"     | "kill kill kill kill"          | true
            "nudes nude"                    | "nude nude"                    | true
            "hated hating hates hate"       | "hate hate hate hate"          | true
            "vaping vapes vape"             | "vape vape vape"               | true
            "eating eats eat"               | "eat eat eat"                  | true
            "fixing fixed fix"              | "fix fix fix"                  | true
            "here note cute chce"           | "here note cute chce"          | false
            "suicides suicide"              | "suicid suicid"                | true
            "suicidal"                      | "suicidal"                     | false
            "killer"                        | "killer"                       | false
            "kiss kisses"                   | "kiss kiss"                    | true
            "this isis virus"               | "this isis virus"              | false
            "thing bring using being going" | "thing bring using being going" | false
            "need speed"                    | "need speed"                   | false
            "kms yes was mi ti si"          | "kms yes was mi ti si"         | false
            "k1ll café 2024 кill"          | "k1ll café 2024 кill"         | false
            "chce umrzec"                   | "chce umrzec"                  | false
            "  a  "                         | "  a  "                        | false
            """)
    void inflections(String in, String out, boolean changed) {
        assertThat(apply(new Inflections(), in)).isEqualTo(out);
        assertThat(marked(new Inflections(), in, Step.INFLECTIONS)).isEqualTo(changed);
    }

    @ParameterizedTest(name = "[{index}] {0} spans {1}")
    @CsvSource(delimiter = '|', textBlock = """
            cutting myself    | 0 | cutting
            dying             | 0 | dying
            bullied           | 0 | bullied
            """)
    void anInflectedWordKeepsItsWholeSpan(String in, int word, String original) {
        TextBuffer buffer = new TextBuffer(in, true);
        new Inflections().apply(buffer);
        int end = buffer.toString().indexOf(' ') < 0 ? buffer.length : buffer.toString().indexOf(' ');
        assertThat(in.substring(buffer.from[word], buffer.to[end - 1])).isEqualTo(original);
    }
}
