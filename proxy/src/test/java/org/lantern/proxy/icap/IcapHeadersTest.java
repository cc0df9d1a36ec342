package org.lantern.proxy.icap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IcapHeadersTest {

    @Test
    void namesCompareIgnoringCase() {
        IcapHeaders headers = new IcapHeaders();
        headers.add("X-Client-IP", "10.0.0.1");
        assertThat(headers.get("x-client-ip")).contains("10.0.0.1");
    }

    @Test
    void namesThatDifferOnlyInNonLettersDoNotMatch() {
        IcapHeaders headers = new IcapHeaders();
        headers.add("X-Client_IP", "10.0.0.1");
        assertThat(headers.has("X-Client-IP")).isFalse();
    }

    @Test
    void theFirstOfRepeatedFieldsIsTheValue() {
        IcapHeaders headers = new IcapHeaders();
        headers.add("Host", "a.example");
        headers.add("Host", "b.example");
        assertThat(headers.get("Host")).contains("a.example");
    }

    @Test
    void aTokenInAnyRepeatedFieldIsFound() {
        IcapHeaders headers = new IcapHeaders();
        headers.add("Allow", "trailers");
        headers.add("Allow", "206, 204");
        assertThat(headers.hasToken("allow", "204")).isTrue();
    }

    @Test
    void bytesAboveAsciiAreKeptOneCharPerByte() {
        IcapHeaders headers = new IcapHeaders();
        byte[] line = "Name: caf\u00c3\u00a9".getBytes(StandardCharsets.ISO_8859_1);
        headers.add(line, 0, 4, 6, line.length);
        assertThat(IcapHeaders.utf8(headers.get("name").orElseThrow())).isEqualTo("café");
    }

    @Test
    void manyFieldsAreAllKept() {
        IcapHeaders headers = new IcapHeaders();
        for (int i = 0; i < 100; i++) {
            headers.add("X-Field-" + i, "value " + i);
        }
        assertThat(headers.size()).isEqualTo(100);
        assertThat(headers.get("x-field-99")).contains("value 99");
    }

    @Test
    void headersOverASectionReadItsFieldsInPlace() {
        byte[] section = "Host: a.example\r\nAccept: */*\r\n".getBytes(StandardCharsets.ISO_8859_1);
        IcapHeaders headers = IcapHeaders.over(section);
        headers.add(section, 0, 4, 6, 15);
        headers.add(section, 17, 23, 25, 28);
        assertThat(headers.get("host")).contains("a.example");
        assertThat(headers.get("accept")).contains("*/*");
    }

    @Test
    void addingToHeadersOverASectionNeverWritesIntoTheSection() {
        byte[] section = "Host: a.example\r\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] before = section.clone();
        IcapHeaders headers = IcapHeaders.over(section);
        headers.add(section, 0, 4, 6, 15);
        headers.add("Via", "lantern");
        assertThat(section).isEqualTo(before);
        assertThat(headers.get("Host")).contains("a.example");
        assertThat(headers.get("Via")).contains("lantern");
    }
}
