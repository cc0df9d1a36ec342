package org.lantern.server.monitoring.scan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AddressesTest {

    @ParameterizedTest(name = "{0}: host {1}, path and query \"{2}\"")
    @CsvSource({
            "https://www.google.com/search?q=how+to+k1ll+myself, www.google.com, /search?q=how+to+k1ll+myself",
            "http://user@Example.ORG:8080/a%20b?c=d#frag, example.org, /a%20b?c=d",
            "https://example.org/, example.org, ''",
            "https://example.org, example.org, ''",
            "www.example.org:443, www.example.org, ''",
            "http://[2001:db8::1]:80/x, [2001:db8::1], /x",
            "http://example.org/a b|c?%zz, example.org, /a b|c?%zz"})
    void aUrlsHostAndPathAndQueryAreReadWithoutThrowing(String url, String host, String pathAndQuery) {
        assertThat(Addresses.host(url)).isEqualTo(host);
        assertThat(Addresses.pathAndQuery(url)).isEqualTo(pathAndQuery);
    }

    @ParameterizedTest(name = "{0} is shown as {1}")
    @CsvSource({"https://example.org/search?q=abc, https://example.org/************",
            "https://example.org, https://example.org"})
    void aMaskedUrlKeepsItsHostAndHidesItsPathAndQuery(String url, String masked) {
        assertThat(Addresses.masked(url)).isEqualTo(masked);
    }
}
