package org.lantern.proxy.icap;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Serves the ICAP requests of one connection, in order, until the client closes it: OPTIONS,
 * REQMOD (the filter) and RESPMOD (always 204: Lantern decides on the request, before anything is
 * fetched, so responses have nothing left to decide). Works on plain streams so the protocol can
 * be specified by tests without sockets; {@link IcapServer} supplies the sockets.
 *
 * <p>Two ways in: {@link #serve} blocks on a stream for a whole connection, and
 * {@link #serveBuffered} serves one request from bytes already received, for the server's event
 * loop. Both read a request whole (headers and any preview) before acting on it, so a request
 * whose bytes have not all arrived has had no effect yet and can simply be tried again later.
 *
 * <p>The ISTag follows what decides: it changes whenever the decider's
 * {@linkplain IcapDecider#generation() generation} changes (lists or policy reloaded), so Squid
 * refreshes its cached OPTIONS and anything it cached against the old tag.
 */
public final class IcapHandler {

    /** Sets the read timeout of the underlying connection; tests pass a no-op. */
    @FunctionalInterface
    public interface Timeouts {
        /**
         * @param timeout how long the next reads may block
         * @throws IOException if the connection refuses the setting
         */
        void set(Duration timeout) throws IOException;
    }

    /** The service name of the request filter in the ICAP URI ({@code icap://host:port/reqmod}). */
    public static final String REQMOD_SERVICE = "reqmod";

    /** The service name of the response hook ({@code icap://host:port/respmod}). */
    public static final String RESPMOD_SERVICE = "respmod";

    private static final System.Logger LOG = System.getLogger(IcapHandler.class.getName());
    private static final byte[] CONTINUE = "ICAP/1.0 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** What the event loop does after {@link #serveBuffered}. */
    enum Step {
        /** A request was answered; the connection stays open and more buffered bytes may follow. */
        SERVED,
        /** The buffered bytes do not yet hold a whole request; nothing was done, read more. */
        NEED_MORE,
        /**
         * The request at the buffer's position needs its body streamed (no preview was sent);
         * nothing was done: serve the connection from there with {@link #serve}.
         */
        STREAM_REQUEST,
        /**
         * The request was answered up to its body, which must now be copied through with
         * {@link #continueBody} before the connection is served on with {@link #serve}.
         */
        STREAM_BODY,
        /** The connection must be closed once the output is written. */
        CLOSE
    }

    private static final byte[] NO_PREVIEW = new byte[0];

    private final IcapDecider decider;
    private final IcapServerConfig config;
    private final IcapStats stats;
    private final String tagPrefix;
    private final LogLimiter warnings;
    private final RequestBodyTap bodies;
    private volatile Tag tag;
    private long tagCount;

    /** An ISTag and the 204 response carrying it, for one generation of the decider. */
    private record Tag(Object generation, String value, byte[] noContent) {
    }

    /**
     * @param decider decides each request
     * @param config limits and block-page settings
     * @param stats counters to update
     * @param tagPrefix the start of every ISTag, unique to this server's start; a counter that
     *     moves on whenever the decider's generation changes follows it
     */
    public IcapHandler(IcapDecider decider, IcapServerConfig config, IcapStats stats, String tagPrefix) {
        this(decider, config, stats, tagPrefix,
                new LogLimiter(line -> LOG.log(System.Logger.Level.WARNING, line), System::nanoTime));
    }

    IcapHandler(IcapDecider decider, IcapServerConfig config, IcapStats stats, String tagPrefix,
            LogLimiter warnings) {
        this(decider, config, stats, tagPrefix, warnings, RequestBodyTap.NONE);
    }

    IcapHandler(IcapDecider decider, IcapServerConfig config, IcapStats stats, String tagPrefix,
            LogLimiter warnings, RequestBodyTap bodies) {
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.decider = Objects.requireNonNull(decider, "decider");
        this.config = Objects.requireNonNull(config, "config");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.tagPrefix = Objects.requireNonNull(tagPrefix, "tagPrefix");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.tag = newTag(decider.generation());
    }

    /** @return the ISTag in force now, without quotes */
    public String istag() {
        return tag().value();
    }

    private Tag tag() {
        Object generation = decider.generation();
        Tag current = tag;
        if (current.generation() == generation) {
            return current;
        }
        synchronized (this) {
            if (tag.generation() != generation) {
                tag = newTag(generation);
            }
            return tag;
        }
    }

    private Tag newTag(Object generation) {
        // RFC 3507 limits an ISTag to 32 characters, quotes excluded.
        String value = tagPrefix + "-" + Long.toString(++tagCount, 36);
        if (value.length() > 32) {
            value = value.substring(value.length() - 32);
        }
        byte[] noContent = ("ICAP/1.0 204 No Content\r\nISTag: \"" + value + "\"\r\n"
                + "Encapsulated: null-body=0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        return new Tag(generation, value, noContent);
    }

    /**
     * Serves requests until the client closes the connection or asks to, the idle timeout passes,
     * or a request is malformed (answered with its error status first).
     *
     * @param in the connection's input, buffered
     * @param out the connection's output, buffered; flushed after each response
     * @param timeouts sets the connection's read timeout
     * @param peer the client's address, for log lines
     * @throws IOException if the connection fails
     */
    public void serve(InputStream in, OutputStream out, Timeouts timeouts, String peer) throws IOException {
        IcapReader reader = new IcapReader(in, config.maxHeaderBytes());
        while (true) {
            timeouts.set(config.idleTimeout());
            try {
                if (!reader.awaitRequest()) {
                    return;
                }
            } catch (SocketTimeoutException idle) {
                return;
            }
            timeouts.set(config.requestTimeout());
            boolean keepOpen;
            try {
                Framed framed = frame(reader);
                if (act(framed, reader, out)) {
                    continueBody(reader, out);
                }
                keepOpen = !framed.request().wantsClose();
            } catch (IcapException e) {
                refuse(out, e.status(), e.getMessage(), peer);
                return;
            } catch (SocketTimeoutException e) {
                refuse(out, 408, "request not received within " + config.requestTimeout().toSeconds() + " s", peer);
                return;
            } catch (EOFException e) {
                closedMidRequest(peer, e.getMessage());
                return;
            }
            out.flush();
            if (!keepOpen) {
                return;
            }
        }
    }

    /**
     * Serves the next request from bytes already received, for an event loop: {@code input} holds
     * what has arrived, from the start of a request. On {@link Step#NEED_MORE},
     * {@link Step#STREAM_REQUEST} the input is left at the request's start and nothing was done.
     *
     * @param reader reads from {@code input}
     * @param input the bytes received so far
     * @param out receives the response
     * @param peer the client's address, for log lines
     * @return what the caller must do next
     * @throws IOException only if {@code out} fails
     */
    Step serveBuffered(IcapReader reader, BufferInput input, OutputStream out, String peer) throws IOException {
        int start = input.position();
        Framed framed;
        try {
            framed = frame(reader);
        } catch (EOFException incomplete) {
            input.position(start);
            return Step.NEED_MORE;
        } catch (IcapException e) {
            refuse(out, e.status(), e.getMessage(), peer);
            return Step.CLOSE;
        }
        IcapRequest request = framed.request();
        if (request.hasBody() && request.preview() < 0) {
            input.position(start);
            return Step.STREAM_REQUEST;
        }
        try {
            if (act(framed, reader, out)) {
                return Step.STREAM_BODY;
            }
        } catch (IcapException e) {
            refuse(out, e.status(), e.getMessage(), peer);
            return Step.CLOSE;
        }
        return request.wantsClose() ? Step.CLOSE : Step.SERVED;
    }

    /**
     * Copies the rest of a rewritten request's body through, after {@link Step#STREAM_BODY}.
     *
     * @param reader reads the connection from just after the preview
     * @param out the connection's output
     * @throws IcapException if the body is malformed
     * @throws IOException if the connection fails
     */
    void continueBody(IcapReader reader, OutputStream out) throws IcapException, IOException {
        reader.copyBody(out);
    }

    /** A request read whole: headers, encapsulated HTTP headers and any preview. */
    private record Framed(IcapRequest request, byte[] preview, boolean ieof) {
    }

    /** Reads one request without acting on it, so an incomplete one can be retried from its start. */
    private static Framed frame(IcapReader reader) throws IcapException, IOException {
        IcapRequest request = reader.readRequest();
        boolean reqmod = request.service().equals(REQMOD_SERVICE);
        if (!reqmod && !request.service().equals(RESPMOD_SERVICE)) {
            throw new IcapException(404, "no ICAP service '" + IcapReader.printable(request.service())
                    + "'; use " + REQMOD_SERVICE + " or " + RESPMOD_SERVICE);
        }
        if (request.method().equals("REQMOD") && !reqmod) {
            throw new IcapException(405, "REQMOD is not allowed on the " + RESPMOD_SERVICE + " service");
        }
        if (request.method().equals("RESPMOD") && reqmod) {
            throw new IcapException(405, "RESPMOD is not allowed on the " + REQMOD_SERVICE + " service");
        }
        if (request.method().equals("REQMOD") && request.http() == null) {
            throw new IcapException(400, "REQMOD without an encapsulated HTTP request (req-hdr)");
        }
        if (!request.hasBody() || request.preview() < 0) {
            return new Framed(request, NO_PREVIEW, false);
        }
        ByteArrayOutputStream preview = new ByteArrayOutputStream();
        boolean ieof = reader.readPreview(preview, request.preview());
        return new Framed(request, preview.toByteArray(), ieof);
    }

    /**
     * Answers a framed request. A body sent without a preview is read from {@code reader}.
     *
     * @return whether the rest of the body must still be copied through after the response head
     */
    private boolean act(Framed framed, IcapReader reader, OutputStream out) throws IcapException, IOException {
        IcapRequest request = framed.request();
        stats.request(request.method());
        switch (request.method()) {
            case "OPTIONS" -> {
                if (request.hasBody() && request.preview() < 0) {
                    reader.copyBody(null);
                }
                writeOptions(out, request.service().equals(REQMOD_SERVICE));
                return false;
            }
            case "REQMOD" -> {
                return reqmod(framed, reader, out);
            }
            default -> {
                respmod(request, reader, out);
                return false;
            }
        }
    }

    private void writeOptions(OutputStream out, boolean reqmod) throws IOException {
        String text = "ICAP/1.0 200 OK\r\n"
                + "Methods: " + (reqmod ? "REQMOD" : "RESPMOD") + "\r\n"
                + "Service: Lantern web filter\r\n"
                + "ISTag: \"" + tag().value() + "\"\r\n"
                + "Max-Connections: " + config.maxConnections() + "\r\n"
                + "Options-TTL: 3600\r\n"
                + "Allow: 204\r\n"
                + "Preview: " + previewSize() + "\r\n"
                + "Transfer-Preview: *\r\n"
                + "Encapsulated: null-body=0\r\n\r\n";
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * RESPMOD always answers 204 (or echoes the response when 204 is not allowed): every decision is
     * made at REQMOD, before the fetch. A body sent without a preview is read, to stay in step.
     */
    private void respmod(IcapRequest request, IcapReader reader, OutputStream out)
            throws IcapException, IOException {
        if (request.hasBody() && request.preview() >= 0) {
            writeNoContent(out);
            return;
        }
        if (request.hasBody()) {
            reader.copyBody(null);
        }
        if (!request.allows204()) {
            throw new IcapException(400, "RESPMOD without Allow: 204 or a preview is not supported");
        }
        writeNoContent(out);
    }

    /**
     * The preview asked of Squid for every body: none, unless the body tap wants what pupils type,
     * when it is the tap's size (bounded by what the reader accepts).
     */
    private int previewSize() {
        return Math.clamp(bodies.maxBytes(), 0, IcapReader.MAX_PREVIEW);
    }

    /**
     * Answers a REQMOD, then hands a copy of its body's preview to the body tap: the answer is
     * written first, so monitoring never holds a page up.
     *
     * @return whether the rest of the body must still be copied through
     */
    private boolean reqmod(Framed framed, IcapReader reader, OutputStream out) throws IcapException, IOException {
        IcapRequest request = framed.request();
        HttpRequestHead http = request.http();
        String user = user(request);
        boolean bodyPending = answer(framed, http, user, reader, out);
        if (framed.preview().length > 0 && previewSize() > 0) {
            tap(framed, http, user);
        }
        return bodyPending;
    }

    private void tap(Framed framed, HttpRequestHead http, String user) {
        int size = Math.min(framed.preview().length, previewSize());
        byte[] copy = size == framed.preview().length ? framed.preview() : Arrays.copyOf(framed.preview(), size);
        try {
            bodies.take(new RequestBody(http.url(), http.method(),
                    IcapHeaders.utf8(http.headers().get("Content-Type").orElse("")), user,
                    clientIp(framed.request()), copy, framed.ieof() && size == framed.preview().length));
        } catch (RuntimeException e) {
            // the tap must not throw, but if it does, the request has been answered all the same
            warnings.warn("request body tap failed: " + e);
        }
    }

    /** @return whether the rest of the body must still be copied through */
    private boolean answer(Framed framed, HttpRequestHead http, String user, IcapReader reader, OutputStream out)
            throws IcapException, IOException {
        IcapRequest request = framed.request();
        String url = http.url();
        IcapVerdict verdict = decide(url, http.method(), user, clientIp(request));
        stats.verdict(verdict);

        boolean preview = request.hasBody() && request.preview() >= 0;
        boolean bodyPending = request.hasBody() && !framed.ieof();

        switch (verdict) {
            case IcapVerdict.Allow a -> {
                if (preview || request.allows204()) {
                    skipRest(preview, bodyPending, reader);
                    writeNoContent(out);
                    return false;
                }
                return forward(http.raw(), request, framed.preview(), reader, out, false);
            }
            case IcapVerdict.Rewrite w -> {
                return forward(rewrite(http, w), request, framed.preview(), reader, out, preview && bodyPending);
            }
            case IcapVerdict.Block b -> {
                skipRest(preview, bodyPending, reader);
                if (config.blockMode() == IcapServerConfig.BlockMode.REDIRECT) {
                    writeRedirect(out, BlockPage.redirectLocation(config.lanternBaseUrl(), url, b, config.blockSigner(),
                            Instant.now()));
                } else {
                    writeBlockPage(out, url, b);
                }
                return false;
            }
            case IcapVerdict.Redirect r -> {
                skipRest(preview, bodyPending, reader);
                writeRedirect(out, r.location());
                return false;
            }
        }
    }

    /** Without a preview the client sends the whole body unasked; it must be read to stay in step. */
    private static void skipRest(boolean preview, boolean bodyPending, IcapReader reader)
            throws IcapException, IOException {
        if (bodyPending && !preview) {
            reader.copyBody(null);
        }
    }

    private IcapVerdict decide(String url, String method, String user, String clientIp) {
        try {
            return Objects.requireNonNull(decider.decide(url, method, user, clientIp), "verdict");
        } catch (RuntimeException e) {
            stats.deciderFailed();
            LOG.log(System.Logger.Level.ERROR, "decider failed on " + IcapReader.printable(url) + "; blocking", e);
            return new IcapVerdict.Block("The filter could not check this page, so it is blocked for safety.", "");
        }
    }

    private String user(IcapRequest request) throws IcapException {
        String value = request.headers().get("X-Client-Username").orElse("");
        if (value.isEmpty() || !config.usernameBase64()) {
            return IcapHeaders.utf8(value);
        }
        try {
            return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IcapException(400, "X-Client-Username is not valid base64");
        }
    }

    private static String clientIp(IcapRequest request) {
        return request.headers().get("X-Client-IP").orElse("");
    }

    /**
     * Sends the (possibly rewritten) request on, streaming any body through without holding it.
     *
     * @return whether the rest of the body, after the preview, must still be copied through
     */
    private boolean forward(byte[] head, IcapRequest request, byte[] preview, IcapReader reader,
            OutputStream out, boolean needContinue) throws IcapException, IOException {
        if (needContinue) {
            out.write(CONTINUE);
            out.flush();
        }
        String encapsulated = request.hasBody() ? "req-hdr=0, req-body=" + head.length : "req-hdr=0, null-body="
                + head.length;
        out.write(icapHead(200, "OK", encapsulated).getBytes(StandardCharsets.US_ASCII));
        out.write(head);
        if (!request.hasBody()) {
            return false;
        }
        if (preview.length > 0) {
            out.write((Integer.toHexString(preview.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(preview);
            out.write('\r');
            out.write('\n');
        }
        if (request.preview() >= 0 && !needContinue) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return false;
        }
        if (request.preview() < 0) {
            reader.copyBody(out);
            return false;
        }
        return true;
    }

    /**
     * @return the authority of an absolute URL ({@code scheme://authority...}), such as one the
     *     decider made for SafeSearch, or {@code null} for none; by hand, since
     *     {@code java.net.URI} cost more than the rest of the rewrite
     */
    static String authorityOf(String url) {
        int start = url.indexOf("://") + 3;
        int end = start;
        while (end < url.length() && url.charAt(end) != '/' && url.charAt(end) != '?' && url.charAt(end) != '#') {
            end++;
        }
        return end > start ? url.substring(start, end) : null;
    }

    /**
     * The request head to send on: a new target (with a matching Host header) and/or header
     * fields set, e.g. {@code YouTube-Restrict}. A set field replaces any the client sent, so a
     * browser cannot pre-empt it with a weaker value.
     */
    private static byte[] rewrite(HttpRequestHead http, IcapVerdict.Rewrite verdict) {
        String url = verdict.url() != null ? verdict.url() : http.target();
        String host = null;
        if (verdict.url() != null && !url.contains("://")) {
            // A CONNECT target is the authority itself (SafeSearch's forced host for tunnels).
            host = url;
        } else if (verdict.url() != null) {
            host = authorityOf(url);
        }
        Map<String, String> set = verdict.headers();
        StringBuilder head = new StringBuilder(http.raw().length + 64);
        head.append(http.method()).append(' ').append(url).append(' ').append(http.version()).append("\r\n");
        String raw = new String(http.raw(), StandardCharsets.ISO_8859_1);
        // Line by line by hand: a regular-expression split cost more than the rest of the rewrite.
        for (int from = raw.indexOf('\n') + 1, end; from < raw.length(); from = end + 1) {
            end = raw.indexOf('\n', from);
            if (end < 0) {
                end = raw.length();
            }
            String line = raw.substring(from, end > from && raw.charAt(end - 1) == '\r' ? end - 1 : end);
            if (line.isEmpty() || isAnyOf(line, set)) {
                continue;
            }
            if (host != null && line.regionMatches(true, 0, "Host:", 0, 5)) {
                head.append("Host: ").append(host).append("\r\n");
            } else {
                head.append(line).append("\r\n");
            }
        }
        set.forEach((name, value) -> head.append(name).append(": ").append(headerSafe(value)).append("\r\n"));
        head.append("\r\n");
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isAnyOf(String line, Map<String, String> names) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        for (String name : names.keySet()) {
            if (colon == name.length() && line.regionMatches(true, 0, name, 0, colon)) {
                return true;
            }
        }
        return false;
    }

    private void writeBlockPage(OutputStream out, String url, IcapVerdict.Block block) throws IOException {
        byte[] body = BlockPage.html(config.lanternBaseUrl(), url, block).getBytes(StandardCharsets.UTF_8);
        byte[] http = ("HTTP/1.1 403 Forbidden\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Cache-Control: no-store\r\n"
                + "X-Lantern-Category: " + headerSafe(block.category()) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        out.write(icapHead(200, "OK", "res-hdr=0, res-body=" + http.length).getBytes(StandardCharsets.US_ASCII));
        out.write(http);
        out.write((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private void writeRedirect(OutputStream out, String location) throws IOException {
        byte[] http = ("HTTP/1.1 302 Found\r\n"
                + "Location: " + headerSafe(location) + "\r\n"
                + "Content-Length: 0\r\n"
                + "Cache-Control: no-store\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        out.write(icapHead(200, "OK", "res-hdr=0, null-body=" + http.length).getBytes(StandardCharsets.US_ASCII));
        out.write(http);
    }

    private void writeNoContent(OutputStream out) throws IOException {
        out.write(tag().noContent());
    }

    /**
     * Answers a request that did not arrive within the request timeout, for the event loop.
     *
     * @param out the connection's output
     * @param peer the client's address, for the log line
     * @throws IOException if {@code out} fails
     */
    void refuseTimeout(OutputStream out, String peer) throws IOException {
        refuse(out, 408, "request not received within " + config.requestTimeout().toSeconds() + " s", peer);
    }

    private void closedMidRequest(String peer, String detail) {
        stats.error(400);
        warnings.warn("ICAP client " + peer + " closed the connection mid-request: " + detail);
    }

    private void refuse(OutputStream out, int status, String message, String peer) throws IOException {
        stats.error(status);
        warnings.warn("ICAP request from " + peer + " refused with " + status + ": " + message);
        String text = "ICAP/1.0 " + status + " " + reason(status) + "\r\n"
                + "ISTag: \"" + tag().value() + "\"\r\n"
                + "Connection: close\r\n"
                + "X-Lantern-Error: " + headerSafe(message) + "\r\n"
                + "Encapsulated: null-body=0\r\n\r\n";
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private String icapHead(int status, String reason, String encapsulated) {
        return "ICAP/1.0 " + status + " " + reason + "\r\n"
                + "ISTag: \"" + tag().value() + "\"\r\n"
                + "Encapsulated: " + encapsulated + "\r\n\r\n";
    }

    /** Keeps a header value on one line of printable ASCII, so no input can inject a header. */
    private static String headerSafe(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(c >= ' ' && c < 127 ? c : '?');
        }
        return out.toString();
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "ICAP Service Not Found";
            case 405 -> "Method Not Allowed For Service";
            case 408 -> "Request Timeout";
            case 413 -> "Request Entity Too Large";
            case 501 -> "Method Not Implemented";
            case 503 -> "Service Overloaded";
            case 505 -> "ICAP Version Not Supported";
            default -> "Server Error";
        };
    }
}
