package org.lantern.proxy.icap;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An ICAP server (RFC 3507) that lets Squid ask Lantern about every request: point Squid's
 * {@code icap_service} at {@code icap://HOST:PORT/reqmod}.
 *
 * <p>Connections are served by a few event loops, one platform thread per available core, each
 * with its own selector: a loop reads whatever its ready connections have sent, answers every
 * whole request in it and writes the answers with one system call per connection. Measured
 * (docs/benchmarks.md), this is what the server costs per request rather than the decision: a
 * virtual thread per connection spent more on parking, unparking and its poller than on deciding.
 * Each pass works in three phases over all the connections it found ready (read every one, then
 * answer every one, then write every one), which measured 0.5-1 µs less CPU a request than doing
 * all three per connection.
 * Requests whose body must be streamed (a body sent without a preview, or the rest of a rewritten
 * request's body) are rare in REQMOD; their connection is handed to a virtual thread that serves
 * it with blocking reads from then on, so the loops never wait.
 *
 * <p>A connection cap, a bounded input buffer per connection, an idle timeout and a request
 * timeout stop one client from holding memory or time that other pupils' requests need. Against
 * connections opened and left silent to starve the server of slots: one address may hold only
 * so many connections; a new connection must send its first whole request within a short
 * deadline; and a share of the slots is kept for client addresses that have had a request
 * answered (Squid), which connections from an address that never sent a whole request cannot take.
 */
public final class IcapServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(IcapServer.class.getName());
    private static final int INITIAL_BUFFER = 8 * 1024;
    private static final long SWEEP_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ServerSocketChannel listener;
    private final IcapHandler handler;
    private final IcapServerConfig config;
    private final IcapStats stats = new IcapStats();
    private final LogLimiter warnings;
    private final IcapAdmission admission;
    private final EventLoop[] loops;
    private final ExecutorService streaming = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Socket> streamingSockets = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private final int maxBuffered;
    private volatile boolean closing;

    private IcapServer(IcapServerConfig config, IcapDecider decider, RequestBodyTap bodies) throws IOException {
        this.config = config;
        this.admission = new IcapAdmission(config, stats);
        this.warnings = new LogLimiter(line -> LOG.log(System.Logger.Level.WARNING, line), System::nanoTime);
        this.handler = new IcapHandler(decider, config, stats,
                "lantern-" + Long.toString(System.currentTimeMillis(), 36), warnings, bodies);
        // A whole request is buffered before it is answered: the ICAP head, the encapsulated HTTP
        // head and a preview, each bounded by the reader, plus the framing around them.
        this.maxBuffered = 2 * config.maxHeaderBytes() + IcapReader.MAX_PREVIEW + 4096;
        this.listener = ServerSocketChannel.open();
        listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        listener.bind(new InetSocketAddress(InetAddress.getByName(config.bind()), config.port()), 1024);
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.loops = new EventLoop[cores];
        for (int i = 0; i < cores; i++) {
            loops[i] = new EventLoop(i);
        }
        this.acceptor = Thread.ofPlatform().name("icap-accept-" + port()).daemon(true).unstarted(this::acceptLoop);
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
        return start(config, decider, RequestBodyTap.NONE);
    }

    /**
     * Binds and starts serving, handing a copy of request bodies to a tap once each is answered.
     *
     * @param config where to listen and which limits to apply
     * @param decider decides each request
     * @param bodies takes the start of each request body, after its answer; {@link RequestBodyTap#NONE} for none
     * @return the running server
     * @throws IOException if the address cannot be bound
     */
    public static IcapServer start(IcapServerConfig config, IcapDecider decider, RequestBodyTap bodies)
            throws IOException {
        IcapServer server = new IcapServer(Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(decider, "decider"), Objects.requireNonNull(bodies, "bodies"));
        for (EventLoop loop : server.loops) {
            loop.thread.start();
        }
        server.acceptor.start();
        return server;
    }

    /** @return the port listened on (useful when configured with port 0) */
    public int port() {
        return listener.socket().getLocalPort();
    }

    /** @return the server's counters */
    public IcapStats stats() {
        return stats;
    }

    /** @return the ISTag the server answers with now (it changes when lists or policy reload) */
    public String istag() {
        return handler.istag();
    }

    private void acceptLoop() {
        int next = 0;
        while (!closing) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException e) {
                if (!closing) {
                    LOG.log(System.Logger.Level.ERROR, "ICAP accept failed", e);
                }
                continue;
            }
            IcapAdmission.Ticket ticket = admission.admit(channel);
            if (ticket == null) {
                continue;
            }
            stats.connectionOpened();
            loops[next].adopt(new Connection(loops[next], channel, ticket));
            next = (next + 1) % loops.length;
        }
    }

    /** One selector thread and the connections it serves. */
    private final class EventLoop {
        private final Thread thread;
        private final Selector selector;
        private final Queue<Connection> adopted = new ConcurrentLinkedQueue<>();
        private final List<Connection> toStream = new ArrayList<>();
        private Connection[] batch = new Connection[64];
        private int batchSize;
        private long nextSweep = System.nanoTime() + SWEEP_NANOS;

        EventLoop(int index) throws IOException {
            this.selector = Selector.open();
            this.thread = Thread.ofPlatform().name("icap-loop-" + index).daemon(true).unstarted(this::run);
        }

        void adopt(Connection connection) {
            adopted.add(connection);
            selector.wakeup();
        }

        private void run() {
            try {
                while (!closing) {
                    // The action form of select: no selected-key set to fill and clear on every pass.
                    selector.select(this::ready, SWEEP_NANOS / 1_000_000);
                    serveBatch();
                    registerAdopted();
                    handOff();
                    long now = System.nanoTime();
                    if (now - nextSweep >= 0) {
                        nextSweep = now + SWEEP_NANOS;
                        sweep(now);
                    }
                }
            } catch (IOException | ClosedSelectorException e) {
                if (!closing) {
                    LOG.log(System.Logger.Level.ERROR, "ICAP event loop failed", e);
                }
            } finally {
                for (SelectionKey key : selector.keys()) {
                    ((Connection) key.attachment()).close();
                }
                for (Connection connection; (connection = adopted.poll()) != null; ) {
                    connection.close();
                }
                try {
                    selector.close();
                } catch (IOException e) {
                    // Closing anyway; every channel is already closed.
                }
            }
        }

        private void ready(SelectionKey key) {
            Connection connection = (Connection) key.attachment();
            try {
                if (connection.receive(key)) {
                    if (batchSize == batch.length) {
                        batch = Arrays.copyOf(batch, batchSize * 2);
                    }
                    batch[batchSize++] = connection;
                }
            } catch (IOException | RuntimeException e) {
                connection.fail(e);
            }
        }

        /**
         * Answers what the pass received, then writes every answer: each phase runs the same code
         * for every connection in turn, rather than alternating read, decide and write per
         * connection, so the kernel's socket code and the decision's code and lists each stay in
         * the core's caches while they run.
         */
        private void serveBatch() {
            for (int i = 0; i < batchSize; i++) {
                Connection connection = batch[i];
                try {
                    connection.serve();
                } catch (IOException | RuntimeException e) {
                    connection.fail(e);
                }
            }
            for (int i = 0; i < batchSize; i++) {
                Connection connection = batch[i];
                batch[i] = null;
                try {
                    connection.flushIfServed();
                } catch (IOException | RuntimeException e) {
                    connection.fail(e);
                }
            }
            batchSize = 0;
        }

        private void registerAdopted() {
            for (Connection connection; (connection = adopted.poll()) != null; ) {
                try {
                    connection.channel.configureBlocking(false);
                    connection.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    connection.key = connection.channel.register(selector, SelectionKey.OP_READ, connection);
                } catch (IOException e) {
                    connection.close();
                }
            }
        }

        /** Closes connections idle or stalled past their deadline, and writes any warnings summary. */
        private void sweep(long now) {
            for (SelectionKey key : selector.keys()) {
                Connection connection = (Connection) key.attachment();
                if (now - connection.deadline > 0) {
                    connection.timedOut();
                }
            }
            warnings.tick();
        }

        /**
         * Moves connections that need a streamed body to virtual threads. Done after the selected
         * keys are processed: the channel must leave the selector before it can block.
         */
        private void handOff() throws IOException {
            if (toStream.isEmpty()) {
                return;
            }
            for (Connection connection : toStream) {
                connection.key.cancel();
            }
            // Deregisters the cancelled keys. Readiness it reports is level-triggered and is
            // reported again by the next select, so the selected set is simply emptied.
            selector.selectNow();
            selector.selectedKeys().clear();
            for (Connection connection : toStream) {
                connection.stream();
            }
            toStream.clear();
        }
    }

    /** One client connection served by an event loop. */
    private final class Connection {
        private final EventLoop loop;
        private final SocketChannel channel;
        private final IcapAdmission.Ticket ticket;
        private final String peer;
        private final BufferInput input = new BufferInput(INITIAL_BUFFER, maxBuffered);
        private final IcapReader reader = new IcapReader(input, config.maxHeaderBytes());
        private final ByteOutput output = new ByteOutput();
        private SelectionKey key;
        private ByteBuffer readBuffer;
        private ByteBuffer pending;
        private boolean closeAfterWrite;
        private IcapHandler.Step streamStep;
        private long deadline;
        private boolean requestStarted;
        private boolean served;
        private boolean answered;

        Connection(EventLoop loop, SocketChannel channel, IcapAdmission.Ticket ticket) {
            this.loop = loop;
            this.channel = channel;
            this.ticket = ticket;
            this.peer = String.valueOf(channel.socket().getRemoteSocketAddress());
            this.deadline = System.nanoTime() + firstRequestNanos(config.idleTimeout());
        }

        /** A wait, shortened to the first-request timeout until the connection has had a request answered. */
        private long firstRequestNanos(Duration wait) {
            return (answered || wait.compareTo(config.firstRequestTimeout()) < 0 ? wait : config.firstRequestTimeout()).toNanos();
        }

        /**
         * Takes what the selector reported: writes what is pending, or reads what arrived.
         *
         * @return whether the connection now has buffered bytes to {@linkplain #serve serve}
         */
        boolean receive(SelectionKey selected) throws IOException {
            if (selected.isWritable()) {
                writePending();
                if (pending != null) {
                    return false;
                }
                if (closeAfterWrite) {
                    close();
                    return false;
                }
                key.interestOps(SelectionKey.OP_READ);
                return true;
            }
            if (!input.makeRoom()) {
                // Cannot happen within the reader's limits; refuse rather than hold more.
                output.write(("ICAP/1.0 413 Request Entity Too Large\r\nConnection: close\r\n"
                        + "Encapsulated: null-body=0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                stats.error(413);
                closeAfterWrite = true;
                flushOutput();
                return false;
            }
            int from = input.limit();
            if (readBuffer == null || readBuffer.array() != input.array()) {
                // Re-wrapped only when the input grows: one buffer per connection, not per read.
                readBuffer = ByteBuffer.wrap(input.array());
            }
            readBuffer.limit(readBuffer.capacity()).position(from);
            int n = channel.read(readBuffer);
            if (n < 0) {
                if (input.hasUnread()) {
                    stats.error(400);
                    warnings.warn("ICAP client " + peer + " closed the connection mid-request");
                }
                close();
                return false;
            }
            input.received(n);
            // A request trickled in byte by byte is only parsed again once a line is complete,
            // so a slow client cannot make the loop re-parse its request for every byte.
            if (n > 0 && (!requestStarted || ByteScan.indexOf(input.array(), from, from + n, (byte) '\n') >= 0)) {
                return true;
            }
            startRequestClock();
            return false;
        }

        /** Answers every whole request received; {@link #flushIfServed} then writes the answers at once. */
        void serve() throws IOException {
            serveBuffered();
            startRequestClock();
        }

        /** Gives a request that has begun to arrive its own deadline, in place of the idle one. */
        private void startRequestClock() {
            if (input.hasUnread() && !requestStarted) {
                requestStarted = true;
                deadline = System.nanoTime() + firstRequestNanos(config.requestTimeout());
            }
        }

        private void serveBuffered() throws IOException {
            served = false;
            while (input.hasUnread() && !closeAfterWrite) {
                IcapHandler.Step step = handler.serveBuffered(reader, input, output, peer);
                switch (step) {
                    case SERVED -> {
                        requestStarted = false;
                        if (!answered) {
                            answered();
                        }
                    }
                    case NEED_MORE -> {
                        served = true;
                        return;
                    }
                    case CLOSE -> closeAfterWrite = true;
                    case STREAM_REQUEST, STREAM_BODY -> {
                        streamStep = step;
                        loop.toStream.add(this);
                        key.interestOps(0);
                        return;
                    }
                }
            }
            if (!input.hasUnread()) {
                requestStarted = false;
                deadline = System.nanoTime() + config.idleTimeout().toNanos();
            }
            served = true;
        }

        /** The connection's first request was answered: its address is in good standing from now on. */
        private void answered() {
            answered = true;
            ticket.answered();
        }

        /** Writes the answers {@link #serve} produced, unless the connection left the loop meanwhile. */
        void flushIfServed() throws IOException {
            if (served && channel.isOpen()) {
                served = false;
                flushOutput();
            }
        }

        private void flushOutput() throws IOException {
            if (output.size() == 0) {
                if (closeAfterWrite && pending == null) {
                    close();
                }
                return;
            }
            // Written straight from the output's array; it is not written to again until the
            // client has taken all of it, since no request is served while a write is pending.
            pending = output.buffer();
            writePending();
            if (pending != null) {
                // The client is not reading: stop reading its requests until it does.
                key.interestOps(SelectionKey.OP_WRITE);
            } else if (closeAfterWrite) {
                close();
            }
        }

        private void writePending() throws IOException {
            channel.write(pending);
            if (!pending.hasRemaining()) {
                pending = null;
                output.reset();
            }
        }

        void timedOut() {
            if (requestStarted && pending == null) {
                try {
                    ByteOutput refusal = new ByteOutput();
                    handler.refuseTimeout(refusal, peer);
                    channel.write(ByteBuffer.wrap(refusal.toByteArray()));
                } catch (IOException e) {
                    // The client is being dropped either way.
                }
            }
            close();
        }

        /** Serves the rest of the connection with blocking reads on a virtual thread. */
        void stream() {
            try {
                channel.configureBlocking(true);
                Socket socket = channel.socket();
                InputStream in = new BufferedInputStream(new SequenceInputStream(
                        new ByteArrayInputStream(input.unread()), socket.getInputStream()), INITIAL_BUFFER);
                OutputStream out = new BufferedOutputStream(socket.getOutputStream(), INITIAL_BUFFER);
                out.write(output.toByteArray());
                output.reset();
                streamingSockets.add(socket);
                streaming.execute(() -> serveStreaming(socket, in, out));
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
        }

        private void serveStreaming(Socket socket, InputStream in, OutputStream out) {
            try (socket) {
                IcapHandler.Timeouts timeouts = timeout -> socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE,
                        Math.max(1, timeout.toMillis())));
                if (streamStep == IcapHandler.Step.STREAM_BODY) {
                    timeouts.set(config.requestTimeout());
                    handler.continueBody(new IcapReader(in, config.maxHeaderBytes()), out);
                    out.flush();
                }
                handler.serve(in, out, timeouts, peer);
                out.flush();
            } catch (SocketException e) {
                // The client went away (reset, or closed while we wrote): routine for a proxy.
            } catch (IcapException e) {
                stats.error(e.status());
                warnings.warn("ICAP request from " + peer + " failed while its body was streamed: "
                        + e.getMessage());
            } catch (IOException | RuntimeException e) {
                if (!closing) {
                    warnings.warn("ICAP connection from " + peer + " failed: " + e);
                }
            } finally {
                streamingSockets.remove(socket);
                released();
            }
        }

        void fail(Exception e) {
            if (!(e instanceof SocketException) && !closing) {
                warnings.warn("ICAP connection from " + peer + " failed: " + e);
            }
            close();
        }

        void close() {
            if (!channel.isOpen()) {
                return;
            }
            if (key != null) {
                key.cancel();
            }
            try {
                channel.close();
            } catch (IOException e) {
                // Closed either way; nothing is left to send.
            }
            released();
        }

        /** Gives back the connection's slot and its place in its address's count. */
        private void released() {
            stats.connectionClosed();
            admission.release(ticket);
        }
    }

    /** Collects one loop pass's answers for a connection, so they leave in one write. */
    private static final class ByteOutput extends OutputStream {
        private byte[] bytes = new byte[1024];
        private int size;
        private ByteBuffer buffer = ByteBuffer.wrap(bytes);

        @Override
        public void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int offset, int length) {
            ensure(length);
            System.arraycopy(b, offset, bytes, size, length);
            size += length;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        int size() {
            return size;
        }

        /** @return the bytes written, as a buffer wrapped again only when the array has grown */
        ByteBuffer buffer() {
            if (buffer.array() != bytes) {
                buffer = ByteBuffer.wrap(bytes);
            }
            return buffer.limit(size).position(0);
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        void reset() {
            size = 0;
        }
    }

    /** Stops accepting, closes every connection and waits for the loops and streaming threads. */
    @Override
    public void close() {
        closing = true;
        try {
            listener.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the ICAP listener failed", e);
        }
        for (EventLoop loop : loops) {
            loop.selector.wakeup();
        }
        for (EventLoop loop : loops) {
            boolean interrupted = false;
            while (loop.thread.isAlive()) {
                try {
                    loop.thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        for (Socket socket : streamingSockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // Already closing; the serving thread ends either way.
            }
        }
        streaming.close();
    }
}
