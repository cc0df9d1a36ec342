package org.lantern.proxy.icap;

import java.time.Duration;
import java.util.Objects;

import org.lantern.proxy.block.BlockLinkSigner;

/**
 * How the ICAP server listens, what it accepts and how it shows a block. The limits exist so one
 * broken or hostile client cannot hold memory or threads that other pupils' requests need.
 *
 * @param bind the address to listen on, e.g. {@code 127.0.0.1}
 * @param port the TCP port, 0 for any free port (tests)
 * @param maxConnections connections served at once; more are answered 503 and closed
 * @param maxConnectionsPerClient connections served at once from one client address; more from it are answered 503
 * @param reservedConnections of {@code maxConnections}, how many only clients that have had a request
 *     answered (Squid, in practice) may take, so connections from addresses that never send a whole
 *     request cannot fill every slot
 * @param maxHeaderBytes largest ICAP header section, and largest encapsulated HTTP header section
 * @param firstRequestTimeout how long a new connection may take to send its first whole request:
 *     Squid sends one at once, so a connection silent for longer is closed, well before the idle timeout
 * @param idleTimeout how long a keep-alive connection may wait for its next request
 * @param requestTimeout how long a started request may take to arrive (answered 408 after)
 * @param lanternBaseUrl the Lantern server's address, for block-page links and redirects
 * @param blockMode whether a block is shown as a page (HTTP 403) or a redirect (HTTP 302)
 * @param usernameBase64 whether Squid encodes X-Client-Username in base64
 *     ({@code icap_client_username_encode on})
 * @param blockSigner signs redirects to the block page with the Lantern server's key, or
 *     {@code null} to send them unsigned, when the server's page shows only that a page was blocked
 */
public record IcapServerConfig(String bind, int port, int maxConnections, int maxConnectionsPerClient,
        int reservedConnections, int maxHeaderBytes, Duration firstRequestTimeout, Duration idleTimeout,
        Duration requestTimeout, String lanternBaseUrl, BlockMode blockMode, boolean usernameBase64,
        BlockLinkSigner blockSigner) {

    /** How long a new connection may wait before its first whole request, unless configured otherwise. */
    public static final Duration FIRST_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** How a blocked request is answered. */
    public enum BlockMode {
        /** An HTTP 403 with Lantern's block page in the body. */
        PAGE,
        /** An HTTP 302 to Lantern's block page on the Lantern server. */
        REDIRECT
    }

    /** Rejects limits that would make the server unusable. */
    public IcapServerConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(firstRequestTimeout, "firstRequestTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(lanternBaseUrl, "lanternBaseUrl");
        Objects.requireNonNull(blockMode, "blockMode");
        if (port < 0 || port > 65535 || maxConnections < 1 || maxHeaderBytes < 1024) {
            throw new IllegalArgumentException("port 0-65535, maxConnections >= 1, maxHeaderBytes >= 1024");
        }
        if (maxConnectionsPerClient < 1 || reservedConnections < 0 || reservedConnections >= maxConnections) {
            throw new IllegalArgumentException("maxConnectionsPerClient >= 1, 0 <= reservedConnections < maxConnections");
        }
        while (lanternBaseUrl.endsWith("/")) {
            lanternBaseUrl = lanternBaseUrl.substring(0, lanternBaseUrl.length() - 1);
        }
    }

    /**
     * The configuration with the per-client limits that follow from {@code maxConnections}: half of
     * the connections for one address, a tenth kept for clients that have had requests answered,
     * and {@link #FIRST_REQUEST_TIMEOUT} for a new connection's first request.
     */
    public IcapServerConfig(String bind, int port, int maxConnections, int maxHeaderBytes, Duration idleTimeout,
                            Duration requestTimeout, String lanternBaseUrl, BlockMode blockMode, boolean usernameBase64,
                            BlockLinkSigner blockSigner) {
        this(bind, port, maxConnections, perClient(maxConnections), reserved(maxConnections), maxHeaderBytes,
                FIRST_REQUEST_TIMEOUT, idleTimeout, requestTimeout, lanternBaseUrl, blockMode, usernameBase64, blockSigner);
    }

    /** As the constructor above, with block redirects unsigned. */
    public IcapServerConfig(String bind, int port, int maxConnections, int maxHeaderBytes, Duration idleTimeout,
                            Duration requestTimeout, String lanternBaseUrl, BlockMode blockMode, boolean usernameBase64) {
        this(bind, port, maxConnections, maxHeaderBytes, idleTimeout, requestTimeout, lanternBaseUrl, blockMode,
                usernameBase64, null);
    }

    private static int perClient(int maxConnections) {
        return Math.max(1, maxConnections / 2);
    }

    private static int reserved(int maxConnections) {
        return Math.max(0, maxConnections / 10);
    }

    /**
     * @return loopback on the standard ICAP port 1344, 1,000 connections (500 from one address, 100
     *     kept for clients that have had a request answered), 64 KB headers, 10 second first-request,
     *     5 minute idle and 30 second request timeouts, block pages linking to {@code http://localhost:8080},
     *     redirects unsigned
     */
    public static IcapServerConfig defaults() {
        return new IcapServerConfig("127.0.0.1", 1344, 1000, 64 * 1024, Duration.ofMinutes(5),
                Duration.ofSeconds(30), "http://localhost:8080", BlockMode.PAGE, false, null);
    }

    /**
     * @param newPort the port
     * @return this configuration on another port
     */
    public IcapServerConfig withPort(int newPort) {
        return new IcapServerConfig(bind, newPort, maxConnections, maxConnectionsPerClient, reservedConnections,
                maxHeaderBytes, firstRequestTimeout, idleTimeout, requestTimeout, lanternBaseUrl, blockMode, usernameBase64, blockSigner);
    }

    /**
     * @param mode the block mode
     * @return this configuration with another block mode
     */
    public IcapServerConfig withBlockMode(BlockMode mode) {
        return new IcapServerConfig(bind, port, maxConnections, maxConnectionsPerClient, reservedConnections,
                maxHeaderBytes, firstRequestTimeout, idleTimeout, requestTimeout, lanternBaseUrl, mode, usernameBase64, blockSigner);
    }

    /**
     * @param base64 whether usernames arrive base64-encoded
     * @return this configuration with that username encoding
     */
    public IcapServerConfig withUsernameBase64(boolean base64) {
        return new IcapServerConfig(bind, port, maxConnections, maxConnectionsPerClient, reservedConnections,
                maxHeaderBytes, firstRequestTimeout, idleTimeout, requestTimeout, lanternBaseUrl, blockMode, base64, blockSigner);
    }

    /**
     * @param max the connection cap
     * @return this configuration with another connection cap, and the per-client limits that follow from it
     */
    public IcapServerConfig withMaxConnections(int max) {
        return new IcapServerConfig(bind, port, max, perClient(max), reserved(max), maxHeaderBytes, firstRequestTimeout,
                idleTimeout, requestTimeout, lanternBaseUrl, blockMode, usernameBase64, blockSigner);
    }

    /**
     * @param perClient connections served at once from one address
     * @param reserved connections kept for clients that have had a request answered
     * @return this configuration with other per-client limits
     */
    public IcapServerConfig withClientLimits(int perClient, int reserved) {
        return new IcapServerConfig(bind, port, maxConnections, perClient, reserved, maxHeaderBytes, firstRequestTimeout,
                idleTimeout, requestTimeout, lanternBaseUrl, blockMode, usernameBase64, blockSigner);
    }

    /**
     * @param timeout how long a new connection may take to send its first whole request
     * @return this configuration with another first-request timeout
     */
    public IcapServerConfig withFirstRequestTimeout(Duration timeout) {
        return new IcapServerConfig(bind, port, maxConnections, maxConnectionsPerClient, reservedConnections,
                maxHeaderBytes, timeout, idleTimeout, requestTimeout, lanternBaseUrl, blockMode, usernameBase64, blockSigner);
    }

    /**
     * @param signer the block-link signer
     * @return this configuration signing its block redirects with it
     */
    public IcapServerConfig withBlockSigner(BlockLinkSigner signer) {
        return new IcapServerConfig(bind, port, maxConnections, maxConnectionsPerClient, reservedConnections,
                maxHeaderBytes, firstRequestTimeout, idleTimeout, requestTimeout, lanternBaseUrl, blockMode, usernameBase64,
                signer);
    }
}
