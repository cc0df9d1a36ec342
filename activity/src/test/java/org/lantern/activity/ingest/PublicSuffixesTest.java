package org.lantern.activity.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.net.InternetDomainName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Registrable domains found on a host's bytes, checked against Guava's own answer. */
class PublicSuffixesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "www.bbc.co.uk, bbc.co.uk",
        "bbc.co.uk, bbc.co.uk",
        "co.uk, co.uk",
        "uk, uk",
        "a.b.c.example.com, example.com",
        "example.com., example.com",
        "alice.github.io, alice.github.io",
        "x.alice.github.io, alice.github.io",
        "intranet, intranet",
        "printer.school.local, printer.school.local",
        // *.ck is a wildcard suffix with the exception !www.ck
        "a.b.c.ck, b.c.ck",
        "www.ck, www.ck",
        "x.www.ck, www.ck",
    })
    void findsTheRegistrableDomain(String host, String domain) {
        assertThat(PublicSuffixes.registrableDomain(host)).isEqualTo(domain);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // the domain of a host in UTF-8, found on its bytes: a rule in Unicode, and a name under none
        "www.bücher.de, bücher.de",
        "a.b.公司.cn, b.公司.cn",
        "ümlaut, ümlaut",
        // empty labels and lone dots are names like any other, never an error
        "., .",
        "a..com, .com",
        "..., ...",
    })
    void findsTheDomainOfUnicodeAndOddHosts(String host, String domain) {
        assertThat(PublicSuffixes.registrableDomain(host)).isEqualTo(domain);
    }

    @Test
    void agreesWithGuavasInternetDomainNameOnEveryHostOfTheSharedStream() throws IOException {
        Optional<Path> stream = SharedData.find("urls/stream-200k.txt");
        assumeTrue(stream.isPresent(), "SKIPPED: shared test data not found (no shared/data/urls/stream-200k.txt)");
        Set<String> hosts = new TreeSet<>();
        for (String url : Files.readAllLines(stream.get())) {
            int start = url.indexOf("://") + 3;
            int end = start;
            while (end < url.length() && "/?#:".indexOf(url.charAt(end)) < 0) {
                end++;
            }
            hosts.add(url.substring(start, end).toLowerCase(Locale.ROOT));
        }
        int compared = 0;
        for (String host : hosts) {
            if (!InternetDomainName.isValid(host) || host.startsWith("[") || Character.isDigit(host.charAt(host.length() - 1))) {
                continue;
            }
            InternetDomainName name = InternetDomainName.from(host);
            String expected = name.isUnderPublicSuffix() ? name.topPrivateDomain().toString() : host;
            assertThat(PublicSuffixes.registrableDomain(host)).as(host).isEqualTo(expected);
            compared++;
        }
        assertThat(compared).isGreaterThan(100_000);
    }

}
