package org.lantern.proxy.icap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantern.filter.lists.CategoryLists;
import org.lantern.proxy.block.BlockLinkSigner;

/** The ICAP protocol as Lantern speaks it (RFC 3507), one behaviour per test, over plain streams. */
class IcapHandlerTest {

    private static final String SERVICE = "icap://127.0.0.1:1344/reqmod";

    @TempDir
    static Path lists;

    private static IcapDecider gambling;

    private final IcapStats stats = new IcapStats();
    private final List<String> seen = new ArrayList<>();

    @BeforeAll
    static void loadLists() throws IOException {
        Files.createDirectories(lists.resolve("gambling"));
        Files.writeString(lists.resolve("gambling/domains"), "casino.example\n");
        gambling = CategoryListDecider.load(lists, "test", Set.of("gambling"), line -> { });
    }

    // --- OPTIONS ---

    @Test
    void optionsAdvertisesReqmodWithZeroPreviewAnd204() throws IOException {
        String response = exchange("OPTIONS " + SERVICE + " ICAP/1.0\r\nHost: 127.0.0.1\r\n\r\n");

        assertThat(response).startsWith("ICAP/1.0 200 OK\r\n")
                .contains("Methods: REQMOD\r\n", "Allow: 204\r\n", "Preview: 0\r\n", "Transfer-Preview: *\r\n",
                        "Max-Connections: 1000\r\n", "Options-TTL: 3600\r\n", "Service: Lantern web filter\r\n",
                        "ISTag: \"test-tag-1\"\r\n", "Encapsulated: null-body=0\r\n");
    }

    @Test
    void optionsOnTheRespmodServiceAdvertisesRespmod() throws IOException {
        String response = exchange("OPTIONS icap://127.0.0.1/respmod ICAP/1.0\r\n\r\n");

        assertThat(response).startsWith("ICAP/1.0 200 OK\r\n").contains("Methods: RESPMOD\r\n");
    }

    // --- REQMOD verdicts ---

    @Test
    void allowedRequestIsAnswered204WhenTheClientAllowsIt() throws IOException {
        String response = exchange(reqmod("GET http://school.example/ HTTP/1.1", "Allow: 204\r\n"));

        assertThat(response).isEqualTo("ICAP/1.0 204 No Content\r\nISTag: \"test-tag-1\"\r\n"
                + "Encapsulated: null-body=0\r\n\r\n");
        assertThat(stats.allowed()).isEqualTo(1);
    }

    @Test
    void allowedRequestIsEchoedUnchangedWhenTheClientDoesNotAllow204() throws IOException {
        String http = "GET http://school.example/ HTTP/1.1\r\nHost: school.example\r\n\r\n";
        String response = exchange("REQMOD " + SERVICE + " ICAP/1.0\r\nEncapsulated: req-hdr=0, null-body="
                + http.length() + "\r\n\r\n" + http);

        assertThat(response).startsWith("ICAP/1.0 200 OK\r\n")
                .contains("Encapsulated: req-hdr=0, null-body=" + http.length() + "\r\n")
                .endsWith("\r\n\r\n" + http);
    }

    @Test
    void blockedRequestGetsAnHttp403BlockPageNamingTheCategory() throws IOException {
        String response = exchange(reqmod("GET http://www.casino.example/poker HTTP/1.1", "Allow: 204\r\n"));

        assertThat(response).startsWith("ICAP/1.0 200 OK\r\n")
                .contains("Encapsulated: res-hdr=0, res-body=")
                .contains("HTTP/1.1 403 Forbidden\r\n", "Content-Type: text/html; charset=utf-8\r\n",
                        "X-Lantern-Category: gambling\r\n", "This page is blocked",
                        "This site is in the gambling category", "http://www.casino.example/poker")
                .endsWith("\r\n0\r\n\r\n");
        assertThat(stats.blocked()).isEqualTo(1);
    }

    @Test
    void blockPageBodyLengthMatchesItsChunkAndContentLength() throws IOException {
        String response = exchange(reqmod("GET http://casino.example/ HTTP/1.1", ""));
        byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int headersEnd = text.indexOf("\r\n\r\n", text.indexOf("HTTP/1.1 403")) + 4;
        int chunkLineEnd = text.indexOf("\r\n", headersEnd);
        int chunkSize = Integer.parseInt(text.substring(headersEnd, chunkLineEnd), 16);
        String contentLength = text.replaceAll("(?s).*Content-Length: (\\d+)\r\n.*", "$1");

        assertThat(chunkSize).isEqualTo(Integer.parseInt(contentLength));
        assertThat(text.length() - (chunkLineEnd + 2) - "\r\n0\r\n\r\n".length()).isEqualTo(chunkSize);
    }

    @Test
    void blockedRequestInRedirectModeGetsAnHttp302ToLanternsBlockPage() throws IOException {
        String response = exchange(IcapServerConfig.defaults().withBlockMode(IcapServerConfig.BlockMode.REDIRECT),
                gambling, reqmod("GET http://casino.example/a?b=c HTTP/1.1", ""));

        assertThat(response).contains("Encapsulated: res-hdr=0, null-body=", "HTTP/1.1 302 Found\r\n",
                "Location: http://localhost:8080/blocked?url=http%3A%2F%2Fcasino.example%2Fa%3Fb%3Dc&category=gambling"
                        + "&reason=This+site+is+in+the+gambling+category%2C+which+the+school+blocks.\r\n");
    }

    @Test
    void blockRedirectWithAKeyCarriesASignatureTheKeyVerifies() throws IOException {
        BlockLinkSigner signer = new BlockLinkSigner(new byte[32]);
        String response = exchange(IcapServerConfig.defaults().withBlockMode(IcapServerConfig.BlockMode.REDIRECT)
                .withBlockSigner(signer), gambling, reqmod("GET http://casino.example/a?b=c HTTP/1.1", ""));

        String location = response.replaceAll("(?s).*\r\nLocation: ([^\r]*)\r\n.*", "$1");
        assertThat(location).startsWith("http://localhost:8080/blocked?url=http%3A%2F%2Fcasino.example%2Fa%3Fb%3Dc"
                + "&category=gambling&reason=").contains("&t=", "&sig=");
        assertThat(signer.verify(location.substring(location.indexOf('?') + 1), Instant.now()))
                .hasValueSatisfying(q -> assertThat(q).endsWith("&category=gambling"
                        + "&reason=This+site+is+in+the+gambling+category%2C+which+the+school+blocks."));
    }

    @Test
    void redirectVerdictGetsAnHttp302ToItsLocation() throws IOException {
        String response = exchange(IcapServerConfig.defaults(),
                (url, method, user, ip) -> new IcapVerdict.Redirect("https://school.example/policy"),
                reqmod("GET http://anything.example/ HTTP/1.1", ""));

        assertThat(response).contains("HTTP/1.1 302 Found\r\nLocation: https://school.example/policy\r\n");
        assertThat(stats.redirected()).isEqualTo(1);
    }

    @Test
    void rewriteVerdictSendsTheRequestOnToTheNewUrlWithItsHost() throws IOException {
        String response = exchange(IcapServerConfig.defaults(),
                (url, method, user, ip) -> new IcapVerdict.Rewrite("https://safe.example/search?q=x&safe=active"),
                reqmod("GET http://search.example/search?q=x HTTP/1.1", "Allow: 204\r\n"));

        assertThat(response).startsWith("ICAP/1.0 200 OK\r\n")
                .contains("Encapsulated: req-hdr=0, null-body=")
                .contains("GET https://safe.example/search?q=x&safe=active HTTP/1.1\r\nHost: safe.example\r\n")
                .doesNotContain("search.example/");
    }

    @Test
    void connectRequestIsDecidedOnItsHostAndPort() throws IOException {
        String response = exchange(reqmod("CONNECT casino.example:443 HTTP/1.1", ""));

        assertThat(response).contains("HTTP/1.1 403 Forbidden\r\n");
        assertThat(seen).containsExactly("CONNECT casino.example:443 user= ip=");
    }

    @Test
    void originFormTargetIsCompletedFromTheHostHeader() throws IOException {
        exchange(reqmodRaw("GET /poker HTTP/1.1\r\nHost: casino.example\r\n\r\n", ""));

        assertThat(seen).containsExactly("GET http://casino.example/poker user= ip=");
    }

    @Test
    void urlWithInvalidUtf8IsBlockedAsUnreadable() throws IOException {
        String response = exchange(reqmod("GET http://caf\u00e9\u00ff.example/ HTTP/1.1", ""));

        assertThat(response).contains("HTTP/1.1 403 Forbidden\r\n", "could not be read safely");
    }

    @Test
    void deciderFailureBlocksTheRequestAndIsCounted() throws IOException {
        String response = exchange(IcapServerConfig.defaults(), (url, method, user, ip) -> {
            throw new IllegalStateException("engine broken");
        }, reqmod("GET http://school.example/ HTTP/1.1", "Allow: 204\r\n"));

        assertThat(response).contains("HTTP/1.1 403 Forbidden\r\n", "could not check this page");
        assertThat(stats.deciderFailures()).isEqualTo(1);
    }

    // --- user and client address ---

    @Test
    void plainUsernameAndClientIpReachTheDecider() throws IOException {
        exchange(reqmod("GET http://school.example/ HTTP/1.1",
                "X-Client-Username: pupil1\r\nX-Client-IP: 10.0.0.7\r\n"));

        assertThat(seen).containsExactly("GET http://school.example/ user=pupil1 ip=10.0.0.7");
    }

    @Test
    void base64UsernameIsDecodedWhenSquidEncodesIt() throws IOException {
        String encoded = Base64.getEncoder().encodeToString("zoë.smith".getBytes(StandardCharsets.UTF_8));
        exchange(IcapServerConfig.defaults().withUsernameBase64(true), gambling,
                reqmod("GET http://school.example/ HTTP/1.1", "X-Client-Username: " + encoded + "\r\n"));

        assertThat(seen).containsExactly("GET http://school.example/ user=zoë.smith ip=");
    }

    @Test
    void base64LookingUsernameIsTakenLiterallyWhenEncodingIsOff() throws IOException {
        exchange(reqmod("GET http://school.example/ HTTP/1.1", "X-Client-Username: cHVwaWw=\r\n"));

        assertThat(seen).containsExactly("GET http://school.example/ user=cHVwaWw= ip=");
    }

    @Test
    void invalidBase64UsernameIsRefusedWith400() throws IOException {
        String response = exchange(IcapServerConfig.defaults().withUsernameBase64(true), gambling,
                reqmod("GET http://school.example/ HTTP/1.1", "X-Client-Username: not*base64\r\n"));

        assertThat(response).startsWith("ICAP/1.0 400 Bad Request\r\n").contains("X-Lantern-Error: X-Client-Username");
    }

    @Test
    void usernameWithInvalidUtf8ReachesTheDeciderWithReplacementCharacters() throws IOException {
        exchange(reqmod("GET http://school.example/ HTTP/1.1", "X-Client-Username: a\u00ffb\r\n"));

        assertThat(seen).containsExactly("GET http://school.example/ user=a\uFFFDb ip=");
    }

    // --- bodies and preview ---

    @Test
    void allowedRequestWithZeroPreviewAndIeofGets204() throws IOException {
        String response = exchange(reqmodWithBody("POST http://school.example/form HTTP/1.1", "Preview: 0\r\n",
                "0; ieof\r\n\r\n"));

        assertThat(response).startsWith("ICAP/1.0 204 No Content\r\n");
    }

    @Test
    void blockedRequestAfterPreviewWithoutIeofIsAnsweredWithoutAskingForTheRest() throws IOException {
        String response = exchange(reqmodWithBody("POST http://casino.example/bet HTTP/1.1", "Preview: 0\r\n",
                "0\r\n\r\n"));

        assertThat(response).startsWith("ICAP/1.0 200 OK\r\n").doesNotContain("100 Continue")
                .contains("HTTP/1.1 403 Forbidden");
    }

    @Test
    void allowedRequestAfterPreviewWithoutIeofGets204WithoutTheRest() throws IOException {
        String response = exchange(reqmodWithBody("POST http://school.example/ HTTP/1.1", "Preview: 4\r\n",
                "4\r\nabcd\r\n0\r\n\r\n"));

        assertThat(response).isEqualTo("ICAP/1.0 204 No Content\r\nISTag: \"test-tag-1\"\r\n"
                + "Encapsulated: null-body=0\r\n\r\n");
    }

    @Test
    void rewriteAfterPreviewWithoutIeofSends100ContinueThenTheWholeBody() throws IOException {
        String response = exchange(IcapServerConfig.defaults(),
                (url, method, user, ip) -> new IcapVerdict.Rewrite("http://other.example/form"),
                reqmodWithBody("POST http://school.example/form HTTP/1.1", "Preview: 4\r\n",
                        "4\r\nabcd\r\n0\r\n\r\n3\r\nefg\r\n0\r\n\r\n"));

        assertThat(response).startsWith("ICAP/1.0 100 Continue\r\n\r\nICAP/1.0 200 OK\r\n")
                .contains("POST http://other.example/form HTTP/1.1\r\nHost: other.example\r\n")
                .endsWith("\r\n\r\n4\r\nabcd\r\n3\r\nefg\r\n0\r\n\r\n");
    }

    @Test
    void rewriteAfterPreviewWithIeofSendsThePreviewAsTheWholeBody() throws IOException {
        String response = exchange(IcapServerConfig.defaults(),
                (url, method, user, ip) -> new IcapVerdict.Rewrite("http://other.example/form"),
                reqmodWithBody("POST http://school.example/form HTTP/1.1", "Preview: 4\r\n",
                        "2\r\nab\r\n0; ieof\r\n\r\n"));

        assertThat(response).startsWith("ICAP/1.0 200 OK\r\n").endsWith("\r\n\r\n2\r\nab\r\n0\r\n\r\n");
    }

    @Test
    void allowedChunkedBodyIsEchoedWhenTheClientDoesNotAllow204() throws IOException {
        String response = exchange(reqmodWithBody("POST http://school.example/ HTTP/1.1", "",
                "5\r\nhello\r\n1;ext=1\r\n!\r\n0\r\n\r\n"));

        assertThat(response).startsWith("ICAP/1.0 200 OK\r\n").contains("req-body=")
                .endsWith("\r\n\r\n5\r\nhello\r\n1\r\n!\r\n0\r\n\r\n");
    }

    @Test
    void chunkedBodyOfABlockedRequestIsReadSoThePipelinedNextRequestIsServed() throws IOException {
        String response = exchange(reqmodWithBody("POST http://casino.example/ HTTP/1.1", "",
                "5\r\nhello\r\n0\r\n\r\n")
                + reqmod("GET http://school.example/ HTTP/1.1", "Allow: 204\r\n"));

        assertThat(response).contains("HTTP/1.1 403 Forbidden").endsWith("ICAP/1.0 204 No Content\r\n"
                + "ISTag: \"test-tag-1\"\r\nEncapsulated: null-body=0\r\n\r\n");
    }

    @Test
    void malformedChunkSizeIsRefusedWith400() throws IOException {
        String response = exchange(reqmodWithBody("POST http://school.example/ HTTP/1.1", "Allow: 204\r\n",
                "zz\r\nhello\r\n0\r\n\r\n"));

        assertThat(response).startsWith("ICAP/1.0 400 Bad Request\r\n").contains("malformed chunk size");
    }

    @Test
    void previewLongerThanAnnouncedIsRefusedWith400() throws IOException {
        String response = exchange(reqmodWithBody("POST http://school.example/ HTTP/1.1", "Preview: 2\r\n",
                "5\r\nhello\r\n0\r\n\r\n"));

        assertThat(response).startsWith("ICAP/1.0 400 Bad Request\r\n");
    }

    // --- RESPMOD ---

    @Test
    void respmodIsAlways204BecauseDecisionsAreMadeAtReqmod() throws IOException {
        String res = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n";
        String response = exchange("RESPMOD icap://127.0.0.1/respmod ICAP/1.0\r\nAllow: 204\r\nPreview: 0\r\n"
                + "Encapsulated: res-hdr=0, res-body=" + res.length() + "\r\n\r\n" + res + "0\r\n\r\n");

        assertThat(response).startsWith("ICAP/1.0 204 No Content\r\n");
    }

    // --- pipelining and connection handling ---

    @Test
    void pipelinedRequestsOnOneConnectionAreAnsweredInOrder() throws IOException {
        String response = exchange("OPTIONS " + SERVICE + " ICAP/1.0\r\n\r\n"
                + reqmod("GET http://casino.example/ HTTP/1.1", "Allow: 204\r\n")
                + reqmod("GET http://school.example/ HTTP/1.1", "Allow: 204\r\n"));

        int options = response.indexOf("Methods: REQMOD");
        int blocked = response.indexOf("HTTP/1.1 403");
        int allowed = response.indexOf("ICAP/1.0 204");
        assertThat(options).isNotNegative().isLessThan(blocked);
        assertThat(blocked).isLessThan(allowed);
    }

    @Test
    void connectionCloseEndsTheConnectionAfterThatRequest() throws IOException {
        String response = exchange(reqmod("GET http://school.example/ HTTP/1.1", "Allow: 204\r\nConnection: close\r\n")
                + reqmod("GET http://casino.example/ HTTP/1.1", "Allow: 204\r\n"));

        assertThat(response).startsWith("ICAP/1.0 204").doesNotContain("403");
    }

    @Test
    void errorEndsTheConnectionSoLaterBytesAreNotMisread() throws IOException {
        String response = exchange("NONSENSE\r\n\r\n" + reqmod("GET http://school.example/ HTTP/1.1", "Allow: 204\r\n"));

        assertThat(response).startsWith("ICAP/1.0 400").contains("Connection: close\r\n").doesNotContain("204");
    }

    @Test
    void truncatedRequestClosesTheConnectionAndIsCounted() throws IOException {
        String response = exchange("REQMOD " + SERVICE + " ICAP/1.0\r\nEncaps");

        assertThat(response).isEmpty();
        assertThat(stats.errors(400)).isEqualTo(1);
    }

    // --- malformed requests ---

    @Test
    void missingEncapsulatedHeaderIsRefusedWith400() throws IOException {
        String response = exchange("REQMOD " + SERVICE + " ICAP/1.0\r\nAllow: 204\r\n\r\n");

        assertThat(response).startsWith("ICAP/1.0 400 Bad Request\r\n")
                .contains("X-Lantern-Error: missing Encapsulated header\r\n");
        assertThat(stats.errors(400)).isEqualTo(1);
    }

    @Test
    void encapsulatedSectionsInTheWrongOrderAreRefusedWith400() throws IOException {
        String response = exchange("REQMOD " + SERVICE + " ICAP/1.0\r\nEncapsulated: null-body=0, req-hdr=0\r\n\r\n");

        assertThat(response).startsWith("ICAP/1.0 400 Bad Request\r\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "req-hdr=0, null-body=40, req-body=9, res-hdr=1, res-body=2, opt-body=3, null-body=4 | Encapsulated sections not valid for REQMOD",
        "req-hdr=0, other-body=40 | Encapsulated sections not valid for REQMOD",
        "res-hdr=0, null-body=40 | Encapsulated sections not valid for REQMOD",
        "req-hdr, null-body=40 | malformed Encapsulated header: req-hdr, null-body=40",
        "req-hdr=0=1, null-body=40 | malformed Encapsulated header",
        "req-hdr=zero, null-body=40 | malformed Encapsulated header",
        "req-hdr=0, null-body=1234567890 | malformed Encapsulated header",
        "req-hdr=5, null-body=40 | Encapsulated offsets do not match the sections sent"})
    void malformedEncapsulatedHeaderIsRefusedWith400SayingWhy(String encapsulated, String why) throws IOException {
        String response = exchange("REQMOD " + SERVICE + " ICAP/1.0\r\nEncapsulated: " + encapsulated + "\r\n\r\n");

        assertThat(response).startsWith("ICAP/1.0 400 Bad Request\r\n").contains("X-Lantern-Error: " + why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ten", "-1", "65537", ""})
    void previewThatIsNotASizeUpTo64KilobytesIsRefusedWith400(String preview) throws IOException {
        String http = "GET http://a.example/ HTTP/1.1\r\nHost: a.example\r\n\r\n";
        String response = exchange("REQMOD " + SERVICE + " ICAP/1.0\r\nPreview: " + preview
                + "\r\nEncapsulated: req-hdr=0, req-body=" + http.length() + "\r\n\r\n" + http + "0\r\n\r\n");

        assertThat(response).startsWith("ICAP/1.0 400 Bad Request\r\n")
                .contains("X-Lantern-Error: Preview must be a number from 0 to 65536: " + preview + "\r\n");
    }

    @Test
    void optionsWithoutEncapsulatedHeaderIsAnswered() throws IOException {
        String response = exchange("OPTIONS " + SERVICE + " ICAP/1.0\r\n\r\n");

        assertThat(response).startsWith("ICAP/1.0 200 OK\r\n");
    }

    @Test
    void garbageBytesAreRefusedWith400() throws IOException {
        String response = exchange("\u0000\u00ff\u0013garbage\r\n\r\n");

        assertThat(response).startsWith("ICAP/1.0 400 Bad Request\r\n");
    }

    @Test
    void headerLineOf100KilobytesIsRefusedWith413() throws IOException {
        String response = exchange("REQMOD " + SERVICE + " ICAP/1.0\r\nX-Big: " + "a".repeat(100 * 1024) + "\r\n\r\n");

        assertThat(response).startsWith("ICAP/1.0 413 Request Entity Too Large\r\n")
                .contains("exceeds 65536 bytes");
        assertThat(stats.errors(413)).isEqualTo(1);
    }

    @Test
    void encapsulatedHeaderSectionOverTheLimitIsRefusedWith413() throws IOException {
        String response = exchange("REQMOD " + SERVICE + " ICAP/1.0\r\nEncapsulated: req-hdr=0, null-body=200000\r\n\r\n");

        assertThat(response).startsWith("ICAP/1.0 413 ");
    }

    @Test
    void headerLineWithoutAColonIsRefusedWith400() throws IOException {
        String response = exchange("OPTIONS " + SERVICE + " ICAP/1.0\r\nno colon here\r\n\r\n");

        assertThat(response).startsWith("ICAP/1.0 400 ");
    }

    @Test
    void encapsulatedHttpRequestWithABadRequestLineIsRefusedWith400() throws IOException {
        String response = exchange(reqmodRaw("GET\r\nHost: x\r\n\r\n", ""));

        assertThat(response).startsWith("ICAP/1.0 400 ").contains("encapsulated HTTP request line");
    }

    @Test
    void unknownServiceIsRefusedWith404() throws IOException {
        String response = exchange("OPTIONS icap://127.0.0.1/avscan ICAP/1.0\r\n\r\n");

        assertThat(response).startsWith("ICAP/1.0 404 ICAP Service Not Found\r\n");
    }

    @Test
    void reqmodOnTheRespmodServiceIsRefusedWith405() throws IOException {
        String http = "GET http://school.example/ HTTP/1.1\r\n\r\n";
        String response = exchange("REQMOD icap://127.0.0.1/respmod ICAP/1.0\r\nEncapsulated: req-hdr=0, null-body="
                + http.length() + "\r\n\r\n" + http);

        assertThat(response).startsWith("ICAP/1.0 405 ");
    }

    @Test
    void unknownMethodIsRefusedWith501() throws IOException {
        String response = exchange("DELETE " + SERVICE + " ICAP/1.0\r\n\r\n");

        assertThat(response).startsWith("ICAP/1.0 501 ");
    }

    @Test
    void requestLineWithTwoSpacesInARowIsRefusedWith400() throws IOException {
        String response = exchange("OPTIONS  " + SERVICE + " ICAP/1.0\r\n\r\n");

        assertThat(response).startsWith("ICAP/1.0 400 ");
    }

    @Test
    void serviceIsThePathOfTheIcapUriWithoutItsQuery() throws IOException {
        String response = exchange("OPTIONS icap://127.0.0.1:1344/reqmod?client=squid ICAP/1.0\r\n\r\n");

        assertThat(response).startsWith("ICAP/1.0 200 OK\r\n").contains("Methods: REQMOD\r\n");
    }

    @Test
    void serviceMayBeNamedByAPathAlone() throws IOException {
        String response = exchange("OPTIONS /reqmod ICAP/1.0\r\n\r\n");

        assertThat(response).startsWith("ICAP/1.0 200 OK\r\n");
    }

    @Test
    void encapsulatedRequestLineWithoutAnHttpVersionIsRefusedWith400() throws IOException {
        String response = exchange(reqmod("GET http://school.example/ FTP/1.1", "Allow: 204\r\n"));

        assertThat(response).startsWith("ICAP/1.0 400 ").contains("encapsulated HTTP request line");
    }

    @Test
    void allowTokensAreTrimmedAndCompareIgnoringCase() throws IOException {
        String response = exchange(reqmod("GET http://school.example/ HTTP/1.1", "Allow: Trailers ,  204 \r\n"));

        assertThat(response).startsWith("ICAP/1.0 204 No Content\r\n");
    }

    @Test
    void otherIcapVersionIsRefusedWith505() throws IOException {
        String response = exchange("OPTIONS " + SERVICE + " ICAP/2.0\r\n\r\n");

        assertThat(response).startsWith("ICAP/1.0 505 ");
    }

    // --- ISTag ---

    @Test
    void istagChangesWhenTheListsAreReloadedSoSquidRefreshesItsOptions() throws Exception {
        CategoryListDecider decider = CategoryListDecider.load(lists, "test", Set.of("gambling"), line -> { });
        IcapHandler handler = new IcapHandler(decider, IcapServerConfig.defaults(), stats, "test-tag");
        String options = "OPTIONS " + SERVICE + " ICAP/1.0\r\n\r\n";
        String before = serveWith(handler, options);
        String unchanged = serveWith(handler, options);

        decider.registry().replace(CategoryLists.builder().build());
        String after = serveWith(handler, options);

        assertThat(before).contains("ISTag: \"test-tag-1\"");
        assertThat(unchanged).isEqualTo(before);
        assertThat(after).contains("ISTag: \"test-tag-2\"");
    }

    @Test
    void everyResponseCarriesTheIstagInForceWhenItIsSent() throws Exception {
        CategoryListDecider decider = CategoryListDecider.load(lists, "test", Set.of("gambling"), line -> { });
        IcapHandler handler = new IcapHandler(decider, IcapServerConfig.defaults(), stats, "test-tag");
        decider.registry().replace(CategoryLists.builder().build());

        assertThat(serveWith(handler, reqmod("GET http://school.example/ HTTP/1.1", "Allow: 204\r\n")))
                .contains("ISTag: \"test-tag-2\"");
    }

    // --- header rewrites ---

    @Test
    void youtubeRequestIsSentOnWithYouTubeRestrictStrictInsteadOf204() throws IOException {
        String response = exchange(reqmodRaw("GET http://www.youtube.com/watch?v=x HTTP/1.1\r\nHost: www.youtube.com\r\n"
                + "YouTube-Restrict: Moderate\r\nAccept: */*\r\n\r\n", "Allow: 204\r\n"));

        assertThat(response).startsWith("ICAP/1.0 200 OK\r\n")
                .contains("GET http://www.youtube.com/watch?v=x HTTP/1.1\r\nHost: www.youtube.com\r\nAccept: */*\r\n"
                        + "YouTube-Restrict: Strict\r\n\r\n")
                .doesNotContain("Moderate");
        assertThat(stats.rewritten()).isEqualTo(1);
    }

    @Test
    void googleSearchIsSentOnWithSafeSearchForced() throws IOException {
        String response = exchange(reqmodRaw("GET http://www.google.co.uk/search?q=cats&safe=off HTTP/1.1\r\n"
                + "Host: www.google.co.uk\r\n\r\n", "Allow: 204\r\n"));

        assertThat(response).startsWith("ICAP/1.0 200 OK\r\n")
                .contains("GET http://www.google.co.uk/search?q=cats&safe=active HTTP/1.1\r\nHost: www.google.co.uk\r\n");
    }

    @Test
    void connectToYouTubeIsSentToTheRestrictedHostWithoutAHeaderItsTunnelWouldHide() throws IOException {
        String response = exchange(reqmodRaw("CONNECT www.youtube.com:443 HTTP/1.1\r\nHost: www.youtube.com:443\r\n\r\n",
                "Allow: 204\r\n"));

        assertThat(response).startsWith("ICAP/1.0 200 OK\r\n")
                .contains("CONNECT restrict.youtube.com:443 HTTP/1.1\r\nHost: restrict.youtube.com:443\r\n\r\n")
                .doesNotContain("YouTube-Restrict");
    }

    // --- log flooding ---

    @Test
    void malformedRequestsAreAllCountedButOnlyTheFirstFewOfAMinuteAreLogged() throws IOException {
        List<String> warnings = new ArrayList<>();
        long[] now = {0};
        IcapHandler handler = new IcapHandler(gambling, IcapServerConfig.defaults(), stats, "test-tag",
                new LogLimiter(warnings::add, () -> now[0]));
        for (int i = 0; i < 1000; i++) {
            serveWith(handler, "NONSENSE\r\n\r\n");
        }
        assertThat(warnings).hasSize(LogLimiter.PER_MINUTE);

        now[0] += TimeUnit.SECONDS.toNanos(61);
        serveWith(handler, "NONSENSE\r\n\r\n");

        assertThat(stats.errors(400)).isEqualTo(1001);
        assertThat(warnings).hasSize(LogLimiter.PER_MINUTE + 2);
        assertThat(warnings.get(LogLimiter.PER_MINUTE)).startsWith("990 more ICAP warnings in the last minute");
    }

    // --- event-loop entry point ---

    @Test
    void bufferedRequestMissingItsLastBytesNeedsMoreAndDoesNothingYet() throws IOException {
        String request = reqmod("GET http://casino.example/ HTTP/1.1", "Allow: 204\r\n");
        BufferInput input = bufferOf(request.substring(0, request.length() - 3));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IcapHandler handler = new IcapHandler(gambling, IcapServerConfig.defaults(), stats, "test-tag");

        IcapHandler.Step step = handler.serveBuffered(new IcapReader(input, 65536), input, out, "test");

        assertThat(step).isEqualTo(IcapHandler.Step.NEED_MORE);
        assertThat(input.position()).isZero();
        assertThat(out.size()).isZero();
        assertThat(stats.blocked()).isZero();
    }

    @Test
    void bufferedPipelinedRequestsAreServedOneStepEach() throws IOException {
        BufferInput input = bufferOf(reqmod("GET http://casino.example/ HTTP/1.1", "Allow: 204\r\n")
                + reqmod("GET http://school.example/ HTTP/1.1", "Allow: 204\r\n"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IcapHandler handler = new IcapHandler(gambling, IcapServerConfig.defaults(), stats, "test-tag");
        IcapReader reader = new IcapReader(input, 65536);

        assertThat(handler.serveBuffered(reader, input, out, "test")).isEqualTo(IcapHandler.Step.SERVED);
        assertThat(handler.serveBuffered(reader, input, out, "test")).isEqualTo(IcapHandler.Step.SERVED);

        assertThat(input.hasUnread()).isFalse();
        assertThat(out.toString(StandardCharsets.ISO_8859_1)).contains("HTTP/1.1 403").endsWith(
                "ICAP/1.0 204 No Content\r\nISTag: \"test-tag-1\"\r\nEncapsulated: null-body=0\r\n\r\n");
    }

    @Test
    void bufferedBodyWithoutPreviewIsLeftForStreamingUntouched() throws IOException {
        BufferInput input = bufferOf(reqmodWithBody("POST http://school.example/ HTTP/1.1", "", "5\r\nhello\r\n0\r\n\r\n"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IcapHandler handler = new IcapHandler(gambling, IcapServerConfig.defaults(), stats, "test-tag");

        IcapHandler.Step step = handler.serveBuffered(new IcapReader(input, 65536), input, out, "test");

        assertThat(step).isEqualTo(IcapHandler.Step.STREAM_REQUEST);
        assertThat(input.position()).isZero();
        assertThat(stats.allowed()).isZero();
    }

    @Test
    void bufferedRewriteAfterAPartialPreviewAsksForTheRestOfTheBodyToBeStreamed() throws IOException {
        BufferInput input = bufferOf(reqmodWithBody("POST http://school.example/form HTTP/1.1", "Preview: 4\r\n",
                "4\r\nabcd\r\n0\r\n\r\n"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IcapHandler handler = new IcapHandler((url, method, user, ip) -> new IcapVerdict.Rewrite("http://other.example/form"),
                IcapServerConfig.defaults(), stats, "test-tag");

        IcapHandler.Step step = handler.serveBuffered(new IcapReader(input, 65536), input, out, "test");

        assertThat(step).isEqualTo(IcapHandler.Step.STREAM_BODY);
        assertThat(out.toString(StandardCharsets.ISO_8859_1)).startsWith("ICAP/1.0 100 Continue\r\n\r\nICAP/1.0 200 OK\r\n")
                .endsWith("\r\n\r\n4\r\nabcd\r\n");
    }

    private static BufferInput bufferOf(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        BufferInput input = new BufferInput(bytes.length, bytes.length);
        System.arraycopy(bytes, 0, input.array(), 0, bytes.length);
        input.received(bytes.length);
        return input;
    }

    private static String serveWith(IcapHandler handler, String request) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.serve(new BufferedInputStream(new ByteArrayInputStream(request.getBytes(StandardCharsets.ISO_8859_1))),
                out, timeout -> { }, "test");
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    // --- helpers ---

    private String exchange(String request) throws IOException {
        return exchange(IcapServerConfig.defaults(), gambling, request);
    }

    private String exchange(IcapServerConfig config, IcapDecider decider, String request) throws IOException {
        IcapDecider recording = (url, method, user, ip) -> {
            seen.add(method + " " + url + " user=" + user + " ip=" + ip);
            return decider.decide(url, method, user, ip);
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new IcapHandler(recording, config, stats, "test-tag").serve(
                new BufferedInputStream(new ByteArrayInputStream(request.getBytes(StandardCharsets.ISO_8859_1))),
                out, timeout -> { }, "test");
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static String reqmod(String requestLine, String icapHeaders) {
        return reqmodRaw(requestLine + "\r\nHost: ignored.example\r\n\r\n", icapHeaders);
    }

    private static String reqmodRaw(String http, String icapHeaders) {
        return "REQMOD " + SERVICE + " ICAP/1.0\r\nHost: 127.0.0.1\r\n" + icapHeaders
                + "Encapsulated: req-hdr=0, null-body=" + http.length() + "\r\n\r\n" + http;
    }

    private static String reqmodWithBody(String requestLine, String icapHeaders, String chunks) {
        String http = requestLine + "\r\nHost: ignored.example\r\n\r\n";
        return "REQMOD " + SERVICE + " ICAP/1.0\r\n" + icapHeaders
                + "Encapsulated: req-hdr=0, req-body=" + http.length() + "\r\n\r\n" + http + chunks;
    }
}
