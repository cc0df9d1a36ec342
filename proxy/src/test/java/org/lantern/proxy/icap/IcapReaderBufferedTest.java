package org.lantern.proxy.icap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The event loop reads requests from a {@link BufferInput}, where the reader finds lines and the
 * header section in place; a streamed connection reads them a byte at a time. Both must read
 * every request, well-formed or not, to the same result.
 */
class IcapReaderBufferedTest {

    private static final int BUDGET = 1024;

    private static final String HTTP = "GET http://casino.example/ HTTP/1.1\r\nHost: casino.example\r\n\r\n";

    static Stream<String> requests() {
        String icap = "REQMOD icap://127.0.0.1:1344/reqmod ICAP/1.0\r\nHost: 127.0.0.1\r\nAllow: 204\r\n";
        String encapsulated = "Encapsulated: req-hdr=0, null-body=" + HTTP.length() + "\r\n";
        return Stream.of(
                icap + encapsulated + "\r\n" + HTTP,
                // Bare LF line ends, and a mix of both.
                (icap + encapsulated + "\r\n").replace("\r\n", "\n") + HTTP,
                icap.replace("\r\n", "\n") + encapsulated + "\r\n" + HTTP,
                // A stray CR inside a line, and CR CR LF.
                icap + "X-Odd: a\rb\r\n" + encapsulated + "\r\n" + HTTP,
                icap + "X-Odd: a\r\r\n" + encapsulated + "\r\n" + HTTP,
                // No header fields at all, and OPTIONS without Encapsulated.
                "OPTIONS icap://127.0.0.1/reqmod ICAP/1.0\r\n\r\n",
                "OPTIONS icap://127.0.0.1/reqmod ICAP/1.0\r\nHost: x\r\n\r\n",
                // Malformed: a field without a colon, a name that is not a token, a bad version.
                icap + "no colon here\r\n" + encapsulated + "\r\n" + HTTP,
                icap + "Bad Name: x\r\n" + encapsulated + "\r\n" + HTTP,
                "REQMOD icap://127.0.0.1/reqmod ICAP/2.0\r\n" + encapsulated + "\r\n" + HTTP,
                // The header section right at the budget, and one byte over it.
                padded(icap, encapsulated, 0),
                padded(icap, encapsulated, 1),
                // A request line longer than the whole budget.
                "REQMOD icap://127.0.0.1/" + "r".repeat(BUDGET) + " ICAP/1.0\r\n\r\n");
    }

    /** @return a request whose request line and header section are {@code BUDGET + over} bytes */
    private static String padded(String icap, String encapsulated, int over) {
        String fixed = icap + encapsulated + "X-Pad: \r\n\r\n";
        return icap + encapsulated + "X-Pad: " + "p".repeat(BUDGET + over - fixed.length()) + "\r\n\r\n" + HTTP;
    }

    @ParameterizedTest
    @MethodSource("requests")
    void aWholeRequestReadsTheSameFromTheEventLoopsBufferAsFromAStream(String request) {
        byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);

        assertThat(read(buffered(bytes, bytes.length))).isEqualTo(read(new ByteArrayInputStream(bytes)));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void aRequestCutAnywhereReadsTheSameAsTheSameBytesFromAStream(String request) {
        byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] part = java.util.Arrays.copyOf(bytes, cut);
            assertThat(read(buffered(bytes, cut))).as("cut at %d", cut).isEqualTo(read(new ByteArrayInputStream(part)));
        }
    }

    private static BufferInput buffered(byte[] bytes, int length) {
        BufferInput input = new BufferInput(Math.max(1, length), Math.max(1, length));
        System.arraycopy(bytes, 0, input.array(), 0, length);
        input.received(length);
        return input;
    }

    /** @return what the reader made of the bytes, as text that compares every part of it */
    private static String read(InputStream in) {
        try {
            IcapRequest request = new IcapReader(in, BUDGET).readRequest();
            StringBuilder out = new StringBuilder(request.method() + " " + request.service() + " body="
                    + request.hasBody() + " preview=" + request.preview() + " fields=" + request.headers().size());
            for (String name : new String[] {"Host", "Allow", "Encapsulated", "X-Odd", "X-Pad"}) {
                out.append(' ').append(name).append('=').append(request.headers().get(name).orElse(null));
            }
            if (request.http() != null) {
                out.append(" http=").append(request.http().method()).append(' ').append(request.http().url());
            }
            return out.toString();
        } catch (IcapException e) {
            return "refused " + e.status() + ": " + e.getMessage();
        } catch (EOFException e) {
            return "incomplete";
        } catch (IOException e) {
            return "failed: " + e;
        }
    }
}
