package org.lantern.server.incidents.evidence;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** File types come from the bytes, and "text" that a browser would run is not plain text. */
class ContentTypesTest {

    @Test
    void aRealPngIsAPng() {
        assertThat(ContentTypes.detect(EvidenceFixtures.png())).isEqualTo("image/png");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "%PDF-1.7\\n%âãÏÓ                              | application/pdf",
            "GIF89a\\u0001\\u0000\\u0001\\u0000             | image/gif",
            "RIFF\\u0000\\u0000\\u0000\\u0000WEBPVP8 \\u0000 | image/webp",
            "She said: see you after school, don't tell.   | text/plain",
            "<html><body>hi</body></html>                   | text/html",
            "<!DOCTYPE html><p>hi                           | text/html",
            "Chat log\\n<script>alert(1)</script>           | text/html",
            "<svg xmlns='http://www.w3.org/2000/svg'/>      | image/svg+xml",
            "MZ\\u0090\\u0000\\u0003\\u0000\\u0000\\u0000  | application/x-msdownload",
            "PK\\u0003\\u0004\\u0014\\u0000\\u0000\\u0000  | application/zip",
            "#!/bin/sh\\necho hi                             | application/x-sh"})
    void typeIsDetectedFromTheBytes(String content, String expected) {
        byte[] bytes = unescape(content).getBytes(StandardCharsets.ISO_8859_1);

        assertThat(ContentTypes.detect(bytes)).isEqualTo(expected);
    }

    @Test
    void aJpegIsAJpeg() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1};

        assertThat(ContentTypes.detect(jpeg)).isEqualTo("image/jpeg");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && s.charAt(i + 1) == 'n') {
                out.append('\n');
                i++;
            } else if (c == '\\' && s.charAt(i + 1) == 'u') {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
