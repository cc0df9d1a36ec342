package org.lantern.proxy.icap;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * An ICAP server (RFC 3507) that lets Squid ask Lantern about every request: point Squid's
 * {@code icap_service} at {@code icap://HOST:PORT/reqmod}. One virtual thread per connection, so
 * thousands of keep-alive connections cost little and blocking code stays simple; a connection
 * cap and read timeouts stop one client from starving the others.
 */
public final class IcapServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(IcapServer.class.getName());
    private static final int BUFFER = 16 * 1024;

    private final ServerSocket listener;
    private final IcapHandler handler;
    private final IcapServerConfig config;
    private final IcapStats stats = new IcapStats();
    private final Semaphore slots;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closing;

    private IcapServer(IcapServerConfig config, IcapDecider decider) throws IOException {
        this.config = config;
        this.slots = new Semaphore(config.maxConnections());
        this.handler = new IcapHandler(decider, config, stats,
                "lantern-" + Long.toString(System.currentTimeMillis(), 36));
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getByName(config.bind()), config.port()), 1024);
        this.acceptor = Thread.ofPlatform().name("icap-accept-" + listener.getLocalPort()).daemon(true)
                .unstarted(this::acceptLoop);
    }

    /**
     * Binds and starts serving.
     *
     * @param config where to listen and which limits to apply
     * @param decider decides each request
     * @return the running server
     * @throws IOException if the address cannot be bound
     */
    public static IcapServer start(IcapServerConfig config, IcapDecider decider) throws IOException {
        IcapServer server = new IcapServer(Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(decider, "decider"));
        server.acceptor.start();
        return server;
    }

    /** @return the port listened on (useful when configured with port 0) */
    public int port() {
        return listener.getLocalPort();
    }

    /** @return the server's counters */
    public IcapStats stats() {
        return stats;
    }

    private void acceptLoop() {
        while (!closing) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closing) {
                    LOG.log(System.Logger.Level.ERROR, "ICAP accept failed", e);
                }
                continue;
            }
            if (slots.tryAcquire()) {
                threads.execute(() -> serve(socket));
            } else {
                stats.connectionRefused();
                threads.execute(() -> refuseOverloaded(socket));
            }
        }
    }

    private void serve(Socket socket) {
        String peer = String.valueOf(socket.getRemoteSocketAddress());
        open.add(socket);
        stats.connectionOpened();
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream(), BUFFER);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), BUFFER);
            handler.serve(in, out, timeout -> socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE,
                    Math.max(1, timeout.toMillis()))), peer);
            out.flush();
        } catch (SocketException e) {
            // The client went away (reset, or closed while we wrote): routine for a proxy.
        } catch (IOException | RuntimeException e) {
            if (!closing) {
                LOG.log(System.Logger.Level.WARNING, "ICAP connection from " + peer + " failed", e);
            }
        } finally {
            open.remove(socket);
            stats.connectionClosed();
            slots.release();
        }
    }

    private void refuseOverloaded(Socket socket) {
        try (socket) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write(("ICAP/1.0 503 Service Overloaded\r\nConnection: close\r\n"
                    + "X-Lantern-Error: more than " + config.maxConnections() + " connections\r\n"
                    + "Encapsulated: null-body=0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            stats.error(503);
        } catch (IOException e) {
            // Nothing more can be done for a client refused at the door.
        }
    }

    /** Stops accepting, closes every connection and waits for their threads to finish. */
    @Override
    public void close() {
        closing = true;
        try {
            listener.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the ICAP listener failed", e);
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // Already closing; the serving thread ends either way.
            }
        }
        threads.close();
    }
}
