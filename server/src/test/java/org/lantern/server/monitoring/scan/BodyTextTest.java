package org.lantern.server.monitoring.scan;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The words the monitor reads in a request body: form values and JSON strings, whatever the bytes. */
class BodyTextTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0} is read: {1}")
    @CsvSource({"application/x-www-form-urlencoded, true", "Application/X-WWW-Form-Urlencoded; charset=UTF-8, true",
            "application/json, true", "application/json;charset=utf-8, true", "application/ld+json, true",
            "multipart/form-data; boundary=x, false", "image/png, false", "text/plain, false", "'', false"})
    void formPostsAndJsonAreReadAndNothingElse(String contentType, boolean readable) {
        assertThat(BodyText.readable(contentType)).isEqualTo(readable);
    }

    @Test
    void aFormPostGivesItsValuesStillEscapedForTheMonitorToDecode() {
        assertThat(BodyText.of("application/x-www-form-urlencoded", utf8("to=sam&message=i+want+to+die&empty=&flag")))
                .containsExactly("sam", "i+want+to+die", "flag");
    }

    @Test
    void aJsonBodyGivesItsStringValuesInOrderAndNotItsNamesOrNumbers() {
        assertThat(BodyText.of("application/json", utf8("{\"chat\":{\"text\":\"hello\",\"to\":[\"sam\",7]},\"n\":3}")))
                .containsExactly("hello", "sam");
    }

    @Test
    void aJsonBodyCutShortKeepsWhatCameBeforeTheCutAndTheRawText() {
        assertThat(BodyText.of("application/json", utf8("{\"a\":\"first\",\"b\":\"sec")))
                .containsExactly("first", "{\"a\":\"first\",\"b\":\"sec");
    }

    @Test
    void invalidUtf8InJsonIsReadWithReplacementCharacters() {
        byte[] body = {'{', '"', 't', '"', ':', '"', 'k', 'i', 'l', 'l', ' ', (byte) 0xC3, (byte) 0x28, ' ', 'm', 'e', '"', '}'};

        assertThat(BodyText.of("application/json", body)).singleElement().asString()
                .contains("kill", "\uFFFD", "me");
    }

    @Test
    void nulAndRightToLeftTextArePassedOnAsTheyAre() {
        String rtl = "\u202Eأريد أن أموت\u202C";

        assertThat(BodyText.of("application/json", utf8("{\"a\":\"x\\u0000y\",\"b\":\"" + rtl + "\"}")))
                .containsExactly("x\u0000y", rtl);
        assertThat(BodyText.of("application/x-www-form-urlencoded", utf8("a=x\u0000y"))).containsExactly("x\u0000y");
    }

    @Test
    void aMegabyteFormValueIsOneText() {
        String big = "a".repeat(1 << 20);

        assertThat(BodyText.of("application/x-www-form-urlencoded", utf8("m=" + big))).singleElement().asString()
                .hasSize(1 << 20);
    }
}
