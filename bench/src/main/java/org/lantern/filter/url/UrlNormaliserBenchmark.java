package org.lantern.filter.url;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.lantern.bench.BenchData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Normalising real request URLs, the first cost every filtered request pays: the 200,000 URLs of
 * the shared stream, one per invocation, cycled so the branch mix is the stream's rather than one
 * URL's. Rejected URLs are part of the mix (the proxy pays for rejecting them too).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class UrlNormaliserBenchmark {

    private final UrlNormaliser normaliser = new UrlNormaliser();
    private String[] urls;
    private int next;

    /**
     * Reads the stream.
     *
     * @throws IOException if the stream cannot be read
     */
    @Setup
    public void setUp() throws IOException {
        urls = BenchData.stream(BenchData.locate());
    }

    /** @return the normalised URL, or the rejection, so neither is optimised away */
    @Benchmark
    public Object normalise() {
        String url = urls[next];
        next = next + 1 == urls.length ? 0 : next + 1;
        try {
            return normaliser.normalise(url);
        } catch (MalformedUrlException e) {
            return e;
        }
    }
}
