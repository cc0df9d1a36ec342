package org.lantern.filter.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.lantern.filter.url.MalformedUrlException.Reason;

class UrlNormaliserTest {

    private final UrlNormaliser normaliser = new UrlNormaliser();

    private NormalisedUrl n(String url) throws MalformedUrlException {
        return normaliser.normalise(url);
    }

    private Reason rejection(String url) {
        return catchThrowableOfType(MalformedUrlException.class, () -> normaliser.normalise(url)).reason();
    }

    @Test
    void schemeAndHostAreLowerCased() throws Exception {
        NormalisedUrl url = n("HTTP://Bad.EXAMPLE/Path");
        assertThat(url.scheme()).isEqualTo("http");
        assertThat(url.host()).isEqualTo("bad.example");
    }

    @Test
    void pathCaseIsKept() throws Exception {
        assertThat(n("http://a.example/Path").path()).isEqualTo("/Path");
    }

    @Test
    void trailingDotOnHostIsRemoved() throws Exception {
        assertThat(n("http://bad.example./").host()).isEqualTo("bad.example");
    }

    @Test
    void defaultHttpPortIsRemoved() throws Exception {
        assertThat(n("http://bad.example:80/").port()).isEqualTo(-1);
    }

    @Test
    void defaultHttpsPortIsRemoved() throws Exception {
        assertThat(n("https://bad.example:443/").port()).isEqualTo(-1);
    }

    @Test
    void nonDefaultPortIsKeptSeparately() throws Exception {
        NormalisedUrl url = n("http://bad.example:8080/x");
        assertThat(url.port()).isEqualTo(8080);
        assertThat(url.matchForm()).isEqualTo("bad.example/x");
    }

    @Test
    void emptyPortMeansDefault() throws Exception {
        assertThat(n("http://bad.example:/").port()).isEqualTo(-1);
    }

    @Test
    void userinfoIsStrippedSoTheRealHostIsMatched() throws Exception {
        assertThat(n("http://allowed.example@blocked.example/").host()).isEqualTo("blocked.example");
    }

    @Test
    void lastAtSignEndsTheUserinfo() throws Exception {
        assertThat(n("http://a@allowed.example:x@blocked.example/").host()).isEqualTo("blocked.example");
    }

    @Test
    void percentEncodedHostIsDecoded() throws Exception {
        assertThat(n("http://%62ad.example/").host()).isEqualTo("bad.example");
    }

    @Test
    void percentDecodedHostIsRevalidated() {
        assertThat(rejection("http://bad%2Fexample/")).isEqualTo(Reason.INVALID_HOST);
    }

    @Test
    void percentEncodedHostBytesThatAreNotUtf8AreRejected() {
        assertThat(rejection("http://bad%FF.example/")).isEqualTo(Reason.INVALID_ENCODING);
    }

    @Test
    void percentEncodedUnreservedPathCharactersAreDecoded() throws Exception {
        assertThat(n("http://a.example/%61dult").path()).isEqualTo("/adult");
    }

    @Test
    void percentEncodedReservedPathCharactersKeepUpperCaseHex() throws Exception {
        assertThat(n("http://a.example/a%2fb%3f").path()).isEqualTo("/a%2Fb%3F");
    }

    @Test
    void strayPercentSignIsEncoded() throws Exception {
        assertThat(n("http://a.example/100%").path()).isEqualTo("/100%25");
    }

    @Test
    void nonAsciiPathIsPercentEncodedAsUtf8() throws Exception {
        assertThat(n("http://a.example/é").path()).isEqualTo("/%C3%A9");
    }

    @Test
    void spaceInPathIsEncoded() throws Exception {
        assertThat(n("http://a.example/a b").path()).isEqualTo("/a%20b");
    }

    @Test
    void fullwidthIdnHostIsCaseFoldedToAscii() throws Exception {
        assertThat(n("http://ＢＡＤ.example/").host()).isEqualTo("bad.example");
    }

    @Test
    void ideographicFullStopSeparatesLabels() throws Exception {
        assertThat(n("http://bad。example/").host()).isEqualTo("bad.example");
    }

    @Test
    void unicodeHostBecomesPunycode() throws Exception {
        assertThat(n("http://bücher.example/").host()).isEqualTo("xn--bcher-kva.example");
    }

    @Test
    void punycodeHostIsKept() throws Exception {
        assertThat(n("http://XN--BCHER-KVA.example/").host()).isEqualTo("xn--bcher-kva.example");
    }

    @Test
    void invalidPunycodeIsRejected() {
        assertThat(rejection("http://xn--a.example/")).isEqualTo(Reason.INVALID_HOST);
    }

    @Test
    void invalidPunycodeInALaterLabelIsRejectedInAnyCase() {
        assertThat(rejection("http://www.XN--a.example/")).isEqualTo(Reason.INVALID_HOST);
    }

    @Test
    void aLabelMerelyContainingXnIsAPlainName() throws Exception {
        assertThat(n("http://foo-xn--a.example/").host()).isEqualTo("foo-xn--a.example");
    }

    @Test
    void underscoreInHostIsAcceptedAsBrowsersDo() throws Exception {
        assertThat(n("http://my_site.example/").host()).isEqualTo("my_site.example");
    }

    @Test
    void decimalIpv4HostIsNormalisedToDottedDecimal() throws Exception {
        NormalisedUrl url = n("http://3232235777/");
        assertThat(url.host()).isEqualTo("192.168.1.1");
        assertThat(url.hostIsIp()).isTrue();
    }

    @Test
    void octalIpv4HostIsNormalisedToDottedDecimal() throws Exception {
        assertThat(n("http://0300.0250.01.01/").host()).isEqualTo("192.168.1.1");
    }

    @Test
    void hexadecimalIpv4PartsAreNormalisedToDottedDecimal() throws Exception {
        assertThat(n("http://0xc0.0xa8.1.1/").host()).isEqualTo("192.168.1.1");
    }

    @Test
    void hexadecimalIpv4HostIsNormalisedToDottedDecimal() throws Exception {
        assertThat(n("http://0xc0a80101/").host()).isEqualTo("192.168.1.1");
    }

    @Test
    void threePartIpv4HostFillsTheLastTwoBytes() throws Exception {
        assertThat(n("http://192.168.257/").host()).isEqualTo("192.168.1.1");
    }

    @Test
    void twoPartIpv4HostFillsTheLastThreeBytes() throws Exception {
        assertThat(n("http://192.11010305/").host()).isEqualTo("192.168.1.1");
    }

    @Test
    void mixedRadixIpv4HostIsNormalised() throws Exception {
        assertThat(n("http://0xC0.0250.257/").host()).isEqualTo("192.168.1.1");
    }

    @Test
    void bareHexPrefixIsZero() throws Exception {
        assertThat(n("http://0x.0.0.1/").host()).isEqualTo("0.0.0.1");
    }

    @Test
    void dottedDecimalIpv4WithTrailingDotIsNormalised() throws Exception {
        assertThat(n("http://192.168.1.1./").host()).isEqualTo("192.168.1.1");
    }

    @Test
    void ipv4PartAbove255IsRejected() {
        assertThat(rejection("http://256.1.1.1/")).isEqualTo(Reason.INVALID_IPV4);
    }

    @Test
    void ipv4NumberAbove32BitsIsRejected() {
        assertThat(rejection("http://4294967296/")).isEqualTo(Reason.INVALID_IPV4);
    }

    @Test
    void ipv4WithFiveDotsIsRejected() {
        assertThat(rejection("http://1.2.3.4.5/")).isEqualTo(Reason.INVALID_IPV4);
    }

    @Test
    void invalidOctalDigitIsRejected() {
        assertThat(rejection("http://09.1.1.1/")).isEqualTo(Reason.INVALID_IPV4);
    }

    @Test
    void hugeIpv4NumberIsRejectedWithoutOverflow() {
        assertThat(rejection("http://99999999999999999999999999999999/")).isEqualTo(Reason.INVALID_IPV4);
    }

    @Test
    void hostEndingInNumberAfterNameIsAnInvalidIpv4() {
        assertThat(rejection("http://bad.example.1/")).isEqualTo(Reason.INVALID_IPV4);
    }

    @Test
    void ipv6LiteralIsCompressedCanonically() throws Exception {
        NormalisedUrl url = n("http://[2001:0DB8:0000:0000:0000:0000:0000:0001]/");
        assertThat(url.host()).isEqualTo("2001:db8::1");
        assertThat(url.hostIsIp()).isTrue();
    }

    @Test
    void ipv6LiteralKeepsItsPort() throws Exception {
        NormalisedUrl url = n("http://[::1]:8080/");
        assertThat(url.host()).isEqualTo("::1");
        assertThat(url.port()).isEqualTo(8080);
        assertThat(url).hasToString("http://[::1]:8080/");
    }

    @Test
    void ipv4MappedIpv6IsMatchedAsIpv4() throws Exception {
        assertThat(n("http://[::ffff:192.168.1.1]/").host()).isEqualTo("192.168.1.1");
    }

    @Test
    void ipv4MappedIpv6InHexIsMatchedAsIpv4() throws Exception {
        assertThat(n("http://[::ffff:c0a8:101]/").host()).isEqualTo("192.168.1.1");
    }

    @Test
    void ipv6ZoneIdentifierIsRejected() {
        assertThat(rejection("http://[fe80::1%25eth0]/")).isEqualTo(Reason.INVALID_IPV6);
    }

    @Test
    void malformedIpv6IsRejected() {
        assertThat(rejection("http://[1:2:3]/")).isEqualTo(Reason.INVALID_IPV6);
    }

    @Test
    void unclosedIpv6BracketIsRejected() {
        assertThat(rejection("http://[::1/")).isEqualTo(Reason.INVALID_IPV6);
    }

    @Test
    void dotSegmentsAreResolved() throws Exception {
        assertThat(n("http://a.example/a/./b/../c").path()).isEqualTo("/a/c");
    }

    @Test
    void percentEncodedDotSegmentsAreResolved() throws Exception {
        assertThat(n("http://a.example/x/%2e%2E/adult").path()).isEqualTo("/adult");
    }

    @Test
    void dotSegmentsCannotClimbAboveTheRoot() throws Exception {
        assertThat(n("http://a.example/../../adult").path()).isEqualTo("/adult");
    }

    @Test
    void trailingDotDotSegmentLeavesATrailingSlash() throws Exception {
        assertThat(n("http://a.example/a/b/..").path()).isEqualTo("/a/");
    }

    @Test
    void trailingDotSegmentLeavesATrailingSlash() throws Exception {
        assertThat(n("http://a.example/a/b/.").path()).isEqualTo("/a/b/");
    }

    @Test
    void segmentsThatOnlyStartWithDotsAreKept() throws Exception {
        assertThat(n("http://a.example/.hidden/...").path()).isEqualTo("/.hidden/...");
    }

    @Test
    void canonicalPathIsReturnedUnchanged() throws Exception {
        assertThat(n("http://a.example/a/b.html/").path()).isEqualTo("/a/b.html/");
    }

    @Test
    void repeatedSlashesInPathCollapse() throws Exception {
        assertThat(n("http://a.example//x///y").path()).isEqualTo("/x/y");
    }

    @Test
    void backslashesAreSlashesForHttp() throws Exception {
        assertThat(n("http://a.example\\x\\y").path()).isEqualTo("/x/y");
    }

    @Test
    void backslashesBeforeTheHostAreSlashes() throws Exception {
        assertThat(n("http:\\\\bad.example\\x").host()).isEqualTo("bad.example");
    }

    @Test
    void missingSlashesAfterSpecialSchemeAreTolerated() throws Exception {
        assertThat(n("http:bad.example/x").host()).isEqualTo("bad.example");
    }

    @Test
    void fragmentIsDropped() throws Exception {
        NormalisedUrl url = n("http://a.example/x?q=1#frag");
        assertThat(url.matchForm()).isEqualTo("a.example/x?q=1");
    }

    @Test
    void queryIsKeptAndCanonicallyEncoded() throws Exception {
        assertThat(n("http://a.example/s?q=%7e%2b+x").query()).isEqualTo("q=~%2B+x");
    }

    @Test
    void emptyPathBecomesSlash() throws Exception {
        assertThat(n("http://a.example").path()).isEqualTo("/");
    }

    @Test
    void queryWithoutPathGetsSlashPath() throws Exception {
        assertThat(n("http://a.example?x").matchForm()).isEqualTo("a.example/?x");
    }

    @Test
    void bareHostAndPathIsTakenAsHttp() throws Exception {
        NormalisedUrl url = n("Bad.Example/x");
        assertThat(url.scheme()).isEqualTo("http");
        assertThat(url.matchForm()).isEqualTo("bad.example/x");
    }

    @Test
    void bareHostWithPortIsNotMistakenForAScheme() throws Exception {
        NormalisedUrl url = n("bad.example:8080/x");
        assertThat(url.host()).isEqualTo("bad.example");
        assertThat(url.port()).isEqualTo(8080);
    }

    @Test
    void connectAuthorityIsNormalised() throws Exception {
        NormalisedUrl url = normaliser.normaliseConnect("Bad.Example:443");
        assertThat(url.host()).isEqualTo("bad.example");
        assertThat(url.port()).isEqualTo(-1);
        assertThat(url.scheme()).isEqualTo("https");
    }

    @Test
    void connectToOtherPortKeepsIt() throws Exception {
        assertThat(normaliser.normaliseConnect("bad.example:8443").port()).isEqualTo(8443);
    }

    @Test
    void connectToIpv6LiteralIsNormalised() throws Exception {
        assertThat(normaliser.normaliseConnect("[::ffff:10.0.0.1]:443").host()).isEqualTo("10.0.0.1");
    }

    @Test
    void connectWithPathIsRejected() {
        MalformedUrlException e =
                catchThrowableOfType(MalformedUrlException.class, () -> normaliser.normaliseConnect("a.example:443/x"));
        assertThat(e.reason()).isEqualTo(Reason.INVALID_HOST);
    }

    @Test
    void tabsAndNewlinesInsideUrlAreRemovedAsBrowsersDo() throws Exception {
        assertThat(n("http://ba\td.exa\nmple/").host()).isEqualTo("bad.example");
    }

    @Test
    void surroundingWhitespaceIsTrimmed() throws Exception {
        assertThat(n("  http://bad.example/  ").host()).isEqualTo("bad.example");
    }

    @Test
    void nonNumericPortIsRejected() {
        assertThat(rejection("http://bad.example:80a/")).isEqualTo(Reason.INVALID_PORT);
    }

    @Test
    void portAbove65535IsRejected() {
        assertThat(rejection("http://bad.example:65536/")).isEqualTo(Reason.INVALID_PORT);
    }

    @Test
    void hostWithSpaceIsRejected() {
        assertThat(rejection("http://bad example/")).isEqualTo(Reason.INVALID_HOST);
    }

    @Test
    void hostWithForbiddenCharacterIsRejected() {
        assertThat(rejection("http://bad<example/")).isEqualTo(Reason.INVALID_HOST);
    }

    @Test
    void emptyLabelIsRejected() {
        assertThat(rejection("http://bad..example/")).isEqualTo(Reason.INVALID_HOST);
    }

    @Test
    void emptyHostIsRejected() {
        assertThat(rejection("http://:8080/")).isEqualTo(Reason.EMPTY_HOST);
    }

    @Test
    void extraSlashesBeforeTheHostAreSkippedAsBrowsersDo() throws Exception {
        assertThat(n("http:///bad.example/x").matchForm()).isEqualTo("bad.example/x");
    }

    @Test
    void hostOfOnlyUserinfoIsRejected() {
        assertThat(rejection("http://user@/")).isEqualTo(Reason.EMPTY_HOST);
    }

    @Test
    void emptyInputIsRejected() {
        assertThat(rejection("   ")).isEqualTo(Reason.EMPTY);
    }

    @Test
    void nullInputIsRejected() {
        assertThat(rejection(null)).isEqualTo(Reason.EMPTY);
    }

    @Test
    void hundredKilobytesOfJunkIsRejectedAsTooLong() {
        assertThat(rejection("x".repeat(100_000))).isEqualTo(Reason.TOO_LONG);
    }

    @Test
    void urlAtTheLengthLimitIsAccepted() throws Exception {
        String url = "http://a.example/" + "x".repeat(UrlNormaliser.MAX_URL_LENGTH - 17);
        assertThat(n(url).path()).hasSize(UrlNormaliser.MAX_URL_LENGTH - 16);
    }

    @Test
    void hostLongerThan253CharactersIsRejected() {
        String host = ("a".repeat(60) + ".").repeat(5) + "example";
        assertThat(rejection("http://" + host + "/")).isEqualTo(Reason.HOST_TOO_LONG);
    }

    @Test
    void replacementCharacterFromInvalidUtf8IsRejected() {
        assertThat(rejection("http://bad\uFFFD.example/")).isEqualTo(Reason.INVALID_ENCODING);
    }

    @Test
    void nonWebSchemeIsRejected() {
        assertThat(rejection("gopher://bad.example/")).isEqualTo(Reason.UNSUPPORTED_SCHEME);
    }

    @Test
    void secureWebSocketSchemeHasDefaultPort443() throws Exception {
        assertThat(n("wss://a.example:443/").port()).isEqualTo(-1);
    }

    @Test
    void disallowedUnicodeInHostIsRejected() {
        assertThat(rejection("http://bad\u0000x.example/")).isEqualTo(Reason.INVALID_HOST);
    }

    @Test
    void rejectionMessageExplainsTheReason() {
        MalformedUrlException e =
                catchThrowableOfType(MalformedUrlException.class, () -> normaliser.normalise("http://a.example:99999/"));
        assertThat(e).hasMessageContaining("INVALID_PORT").hasMessageContaining("99999");
    }

    @Test
    void randomInputIsEitherNormalisedOrRejectedWithAReasonNeverCrashes() {
        java.util.Random random = new java.util.Random(7);
        String alphabet = "abcXYZ019.:/\\@[]%?#-_~ \t\u00e9\u3002\uff21\u200d\ud83d\ude00\ud800\u0000\u202e0xX";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder url = new StringBuilder(i % 3 == 0 ? "http://" : "");
            int length = random.nextInt(40);
            for (int k = 0; k < length; k++) {
                url.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                NormalisedUrl result = normaliser.normalise(url.toString());
                assertThat(result.path()).startsWith("/");
            } catch (MalformedUrlException e) {
                assertThat(e.reason()).isNotNull();
            }
        }
    }

    @Test
    void toStringGivesTheCanonicalUrl() throws Exception {
        assertThat(n("HTTPS://user:pw@Bad.Example:8443/a/../b?q#f")).hasToString("https://bad.example:8443/b?q");
    }
}
