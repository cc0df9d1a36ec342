package org.lantern.proxy.icap;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * Serves the ICAP requests of one connection, in order, until the client closes it: OPTIONS,
 * REQMOD (the filter) and RESPMOD (always 204: Lantern decides on the request, before anything is
 * fetched, so responses have nothing left to decide). Works on plain streams so the protocol can
 * be specified by tests without sockets; {@link IcapServer} supplies the sockets.
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

    private final IcapDecider decider;
    private final IcapServerConfig config;
    private final IcapStats stats;
    private final String istag;

    /**
     * @param decider decides each request
     * @param config limits and block-page settings
     * @param stats counters to update
     * @param istag the service tag; changes when the filter's lists change, so Squid re-asks
     */
    public IcapHandler(IcapDecider decider, IcapServerConfig config, IcapStats stats, String istag) {
        this.decider = Objects.requireNonNull(decider, "decider");
        this.config = Objects.requireNonNull(config, "config");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.istag = Objects.requireNonNull(istag, "istag");
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
                keepOpen = serveOne(reader, out);
            } catch (IcapException e) {
                refuse(out, e.status(), e.getMessage(), peer);
                return;
            } catch (SocketTimeoutException e) {
                refuse(out, 408, "request not received within " + config.requestTimeout().toSeconds() + " s", peer);
                return;
            } catch (EOFException e) {
                stats.error(400);
                LOG.log(System.Logger.Level.WARNING, "ICAP client {0} closed the connection mid-request: {1}",
                        peer, e.getMessage());
                return;
            }
            out.flush();
            if (!keepOpen) {
                return;
            }
        }
    }

    /** @return whether the connection stays open for another request */
    private boolean serveOne(IcapReader reader, OutputStream out) throws IcapException, IOException {
        IcapRequest request = reader.readRequest();
        boolean reqmod = request.service().equals(REQMOD_SERVICE);
        if (!reqmod && !request.service().equals(RESPMOD_SERVICE)) {
            throw new IcapException(404, "no ICAP service '" + IcapReader.printable(request.service())
                    + "'; use " + REQMOD_SERVICE + " or " + RESPMOD_SERVICE);
        }
        stats.request(request.method());
        switch (request.method()) {
            case "OPTIONS" -> {
                if (request.hasBody()) {
                    reader.copyBody(null);
                }
                writeOptions(out, reqmod);
            }
            case "REQMOD" -> {
                if (!reqmod) {
                    throw new IcapException(405, "REQMOD is not allowed on the " + RESPMOD_SERVICE + " service");
                }
                reqmod(request, reader, out);
            }
            default -> {
                if (reqmod) {
                    throw new IcapException(405, "RESPMOD is not allowed on the " + REQMOD_SERVICE + " service");
                }
                respmod(request, reader, out);
            }
        }
        return !request.wantsClose();
    }

    private void writeOptions(OutputStream out, boolean reqmod) throws IOException {
        String text = "ICAP/1.0 200 OK\r\n"
                + "Methods: " + (reqmod ? "REQMOD" : "RESPMOD") + "\r\n"
                + "Service: Lantern web filter\r\n"
                + "ISTag: \"" + istag + "\"\r\n"
                + "Max-Connections: " + config.maxConnections() + "\r\n"
                + "Options-TTL: 3600\r\n"
                + "Allow: 204\r\n"
                + "Preview: 0\r\n"
                + "Transfer-Preview: *\r\n"
                + "Encapsulated: null-body=0\r\n\r\n";
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * RESPMOD always answers 204 (or echoes the response when 204 is not allowed): every decision is
     * made at REQMOD, before the fetch. The body is read first, or only its preview, to stay in step.
     */
    private void respmod(IcapRequest request, IcapReader reader, OutputStream out)
            throws IcapException, IOException {
        if (request.hasBody() && request.preview() >= 0) {
            reader.readPreview(new ByteArrayOutputStream(), request.preview());
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

    private void reqmod(IcapRequest request, IcapReader reader, OutputStream out) throws IcapException, IOException {
        HttpRequestHead http = request.http();
        if (http == null) {
            throw new IcapException(400, "REQMOD without an encapsulated HTTP request (req-hdr)");
        }
        String url = http.url();
        IcapVerdict verdict = decide(url, http.method(), user(request), clientIp(request));
        stats.verdict(verdict);

        boolean preview = request.hasBody() && request.preview() >= 0;
        ByteArrayOutputStream previewBytes = new ByteArrayOutputStream();
        boolean ieof = preview && reader.readPreview(previewBytes, request.preview());
        boolean bodyPending = request.hasBody() && !ieof;

        switch (verdict) {
            case IcapVerdict.Allow a -> {
                if (preview || request.allows204()) {
                    skipRest(preview, bodyPending, reader);
                    writeNoContent(out);
                } else {
                    forward(http.raw(), request, previewBytes, reader, out, false);
                }
            }
            case IcapVerdict.Rewrite w -> forward(rewrite(http, w.url()), request, previewBytes, reader, out,
                    preview && bodyPending);
            case IcapVerdict.Block b -> {
                skipRest(preview, bodyPending, reader);
                if (config.blockMode() == IcapServerConfig.BlockMode.REDIRECT) {
                    writeRedirect(out, BlockPage.redirectLocation(config.lanternBaseUrl(), url, b));
                } else {
                    writeBlockPage(out, url, b);
                }
            }
            case IcapVerdict.Redirect r -> {
                skipRest(preview, bodyPending, reader);
                writeRedirect(out, r.location());
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

    /** Sends the (possibly rewritten) request on, streaming any body through without holding it. */
    private void forward(byte[] head, IcapRequest request, ByteArrayOutputStream previewBytes, IcapReader reader,
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
            return;
        }
        if (previewBytes.size() > 0) {
            out.write((Integer.toHexString(previewBytes.size()) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            previewBytes.writeTo(out);
            out.write('\r');
            out.write('\n');
        }
        boolean wholeBodyInPreview = request.preview() >= 0 && !needContinue;
        if (wholeBodyInPreview) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            reader.copyBody(out);
        }
    }

    private static byte[] rewrite(HttpRequestHead http, String url) {
        String host;
        try {
            URI uri = URI.create(url);
            host = uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        StringBuilder head = new StringBuilder();
        head.append(http.method()).append(' ').append(url).append(' ').append(http.version()).append("\r\n");
        String raw = new String(http.raw(), StandardCharsets.ISO_8859_1);
        int firstLineEnd = raw.indexOf('\n') + 1;
        for (String line : raw.substring(firstLineEnd).split("\r?\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            if (host != null && line.regionMatches(true, 0, "Host:", 0, 5)) {
                head.append("Host: ").append(host).append("\r\n");
            } else {
                head.append(line).append("\r\n");
            }
        }
        head.append("\r\n");
        return head.toString().getBytes(StandardCharsets.UTF_8);
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
        out.write(icapHead(204, "No Content", "null-body=0").getBytes(StandardCharsets.US_ASCII));
    }

    private void refuse(OutputStream out, int status, String message, String peer) throws IOException {
        stats.error(status);
        LOG.log(System.Logger.Level.WARNING, "ICAP request from {0} refused with {1}: {2}", peer, status, message);
        String text = "ICAP/1.0 " + status + " " + reason(status) + "\r\n"
                + "ISTag: \"" + istag + "\"\r\n"
                + "Connection: close\r\n"
                + "X-Lantern-Error: " + headerSafe(message) + "\r\n"
                + "Encapsulated: null-body=0\r\n\r\n";
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private String icapHead(int status, String reason, String encapsulated) {
        return "ICAP/1.0 " + status + " " + reason + "\r\n"
                + "ISTag: \"" + istag + "\"\r\n"
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
