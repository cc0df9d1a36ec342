package org.lantern.proxy.icap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The copy of request bodies the ICAP handler hands to the safeguarding monitor: asked of Squid
 * as a preview only when the tap wants it, handed over after the answer is written, cut to the
 * tap's size, and never allowed to fail a request.
 */
class RequestBodyTapTest {

    private static final String SERVICE = "icap://127.0.0.1:1344/reqmod";
    private static final IcapDecider ALLOW_ALL = (url, method, user, ip) -> new IcapVerdict.Allow();

    /** Records each body with how much of the answer had been written when it came. */
    private static final class Recording implements RequestBodyTap {
        final int max;
        final List<RequestBody> taken = new ArrayList<>();
        final List<Integer> answeredBytes = new ArrayList<>();
        ByteArrayOutputStream out;

        Recording(int max) {
            this.max = max;
        }

        @Override
        public int maxBytes() {
            return max;
        }

        @Override
        public void take(RequestBody body) {
            taken.add(body);
            answeredBytes.add(out.size());
        }
    }

    private static String serve(RequestBodyTap tap, ByteArrayOutputStream out, String request) throws IOException {
        IcapHandler handler = new IcapHandler(ALLOW_ALL, IcapServerConfig.defaults(), new IcapStats(), "tag",
                new LogLimiter(line -> { }, System::nanoTime), tap);
        handler.serve(new BufferedInputStream(new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8))), out,
                timeout -> { }, "test");
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static String post(String contentType, String body, int preview, boolean whole) {
        String http = "POST https://chat.example/send HTTP/1.1\r\nHost: chat.example\r\nContent-Type: " + contentType
                + "\r\n\r\n";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String sent = new String(bytes, 0, Math.min(preview, bytes.length), StandardCharsets.UTF_8);
        int length = Math.min(preview, bytes.length);
        return "REQMOD " + SERVICE + " ICAP/1.0\r\nHost: 127.0.0.1\r\nAllow: 204\r\nPreview: " + preview + "\r\n"
                + "X-Client-IP: 10.1.2.3\r\nX-Client-Username: jo\r\nConnection: close\r\n"
                + "Encapsulated: req-hdr=0, req-body=" + http.length() + "\r\n\r\n" + http
                + (length > 0 ? Integer.toHexString(length) + "\r\n" + sent + "\r\n" : "")
                + (whole ? "0; ieof\r\n\r\n" : "0\r\n\r\n");
    }

    @Test
    void optionsAsksForAPreviewOfTheTapsSizeOnlyWhenTheTapWantsBodies() throws IOException {
        String options = "OPTIONS " + SERVICE + " ICAP/1.0\r\nHost: 127.0.0.1\r\n\r\n";

        assertThat(serve(new Recording(65536), new ByteArrayOutputStream(), options)).contains("Preview: 65536\r\n");
        assertThat(serve(new Recording(1 << 30), new ByteArrayOutputStream(), options))
                .contains("Preview: " + IcapReader.MAX_PREVIEW + "\r\n");
        assertThat(serve(RequestBodyTap.NONE, new ByteArrayOutputStream(), options)).contains("Preview: 0\r\n");
    }

    @Test
    void aFormPostIsAnsweredFirstThenHandedOverWithWhoSentIt() throws IOException {
        Recording tap = new Recording(65536);
        tap.out = new ByteArrayOutputStream();

        String answer = serve(tap, tap.out, post("application/x-www-form-urlencoded", "message=hello+there", 65536, true));

        assertThat(answer).startsWith("ICAP/1.0 204");
        assertThat(tap.taken).singleElement().satisfies(body -> {
            assertThat(new String(body.bytes(), StandardCharsets.UTF_8)).isEqualTo("message=hello+there");
            assertThat(body.url()).isEqualTo("https://chat.example/send");
            assertThat(body.method()).isEqualTo("POST");
            assertThat(body.contentType()).isEqualTo("application/x-www-form-urlencoded");
            assertThat(body.user()).isEqualTo("jo");
            assertThat(body.clientIp()).isEqualTo("10.1.2.3");
            assertThat(body.complete()).isTrue();
        });
        assertThat(tap.answeredBytes.getFirst()).as("the 204 was written before the hand-off").isPositive();
    }

    @Test
    void aBodyLongerThanTheTapsSizeIsCutAndMarkedIncomplete() throws IOException {
        Recording tap = new Recording(8);
        tap.out = new ByteArrayOutputStream();

        serve(tap, tap.out, post("application/json", "{\"text\":\"a long message\"}", 25, true));

        assertThat(tap.taken).singleElement().satisfies(body -> {
            assertThat(body.bytes()).hasSize(8);
            assertThat(body.complete()).isFalse();
        });
    }

    @Test
    void aTapSetToNoBytesTakesNothingEvenWhenAClientSendsAPreview() throws IOException {
        Recording tap = new Recording(0);
        tap.out = new ByteArrayOutputStream();

        serve(tap, tap.out, post("application/json", "{\"text\":\"hi\"}", 13, true));

        assertThat(tap.taken).isEmpty();
    }

    @Test
    void aTapThatThrowsNeitherFailsTheRequestNorTheConnection() throws IOException {
        RequestBodyTap broken = new RequestBodyTap() {
            @Override
            public int maxBytes() {
                return 1024;
            }

            @Override
            public void take(RequestBody body) {
                throw new IllegalStateException("broken");
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        String answer = serve(broken, out, post("text/plain", "hello", 5, true));

        assertThat(answer).startsWith("ICAP/1.0 204").doesNotContain("ICAP/1.0 500");
    }
}
