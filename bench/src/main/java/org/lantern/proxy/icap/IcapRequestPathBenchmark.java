package org.lantern.proxy.icap;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.lantern.bench.BenchData;
import org.lantern.bench.icap.IcapLoad;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The ICAP server's own work for one request, without the sockets: frame the request the load
 * client sends for each URL of the shared stream, decide it against the UT1 {@code gambling} and
 * {@code redirector} lists (the lists {@code bench/icap-vs-peers.sh} serves) and write the answer.
 * Through loopback this is what a request costs above the kernel's share, which
 * {@code bench/floor/icap-floor.c} measures; run with {@code -prof gc} for the bytes allocated
 * per request, which decide how often the young generation is collected and how much of the
 * cache the kernel's socket work keeps.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class IcapRequestPathBenchmark {

    private IcapHandler handler;
    private BufferInput input;
    private IcapReader reader;
    private final Sink out = new Sink();
    private byte[][] requests;
    private int next;

    /**
     * Loads the lists and encodes every URL of the stream as the load client does.
     *
     * @throws IOException if the shared data cannot be read
     */
    @Setup
    public void setUp() throws IOException {
        var data = BenchData.locate();
        Set<String> blocked = Set.of("gambling", "redirector");
        CategoryListDecider decider = CategoryListDecider.load(data.resolve("lists/ut1"), "lists", blocked, line -> { });
        IcapServerConfig config = IcapServerConfig.defaults();
        handler = new IcapHandler(decider, config, new IcapStats(), "bench");
        input = new BufferInput(8 * 1024, 1 << 20);
        reader = new IcapReader(input, config.maxHeaderBytes());
        URI service = URI.create("icap://127.0.0.1:1344/reqmod");
        String[] urls = BenchData.stream(data);
        requests = new byte[urls.length][];
        for (int i = 0; i < urls.length; i++) {
            requests[i] = IcapLoad.reqmod(service, urls[i]);
        }
    }

    /**
     * @return the bytes answered, so nothing is optimised away
     * @throws IOException never: the sink does not fail
     */
    @Benchmark
    public long serve() throws IOException {
        byte[] request = requests[next];
        next = next + 1 == requests.length ? 0 : next + 1;
        input.makeRoom();
        System.arraycopy(request, 0, input.array(), input.limit(), request.length);
        input.received(request.length);
        out.size = 0;
        IcapHandler.Step step = handler.serveBuffered(reader, input, out, "bench");
        if (step != IcapHandler.Step.SERVED) {
            throw new IllegalStateException("request " + next + " was not served in place: " + step);
        }
        return out.size;
    }

    /** Counts the answer's bytes: the server's own output buffer is the event loop's, not measured here. */
    private static final class Sink extends OutputStream {
        long size;

        @Override
        public void write(int b) {
            size++;
        }

        @Override
        public void write(byte[] b, int offset, int length) {
            size += length;
        }
    }
}
