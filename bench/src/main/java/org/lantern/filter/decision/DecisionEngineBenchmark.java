package org.lantern.filter.decision;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lantern.bench.BenchData;
import org.lantern.filter.url.MalformedUrlException;
import org.lantern.policy.PolicyParser;
import org.lantern.policy.Presets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Decisions per second per core: the {@link DecisionEngine} over the full shared list set (every
 * UT1 category plus the porn-top1m adult stand-in) under the Astley Park preset, for a KS3 pupil,
 * on the stream's URLs cycled. One thread, so the score is what one core sustains.
 *
 * <p>{@link #decide} is the engine alone on requests normalised in advance; {@link
 * #normaliseAndDecide} adds {@link DecisionRequest#of} (URL normalisation), which is what a proxy
 * pays per request.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class DecisionEngineBenchmark {

    /** A Tuesday in term, mid-morning in the UK, so school-day rules apply. */
    static final Instant SCHOOL_DAY = Instant.parse("2026-01-13T10:30:00Z");

    /** The pupil every request is made as. */
    static final Subject KS3_PUPIL = new Subject("p-1", "Ada Pupil", "ks3", true);

    private static final String USER = "ada";
    private static final String CLIENT_IP = "10.1.0.7";

    private DecisionEngine engine;
    private String[] urls;
    private DecisionRequest[] requests;
    private int nextUrl;
    private int nextRequest;

    /**
     * Loads the full list set and the stream from the shared data.
     *
     * @throws IOException if the data cannot be read
     */
    @Setup
    public void setUp() throws IOException {
        setUp(BenchData.locate());
    }

    /**
     * Loads lists and stream from a data folder laid out as the shared one ({@code lists/ut1},
     * {@code lists/porn-top1m}, {@code urls/stream-200k.txt}); the smoke test passes a tiny one.
     *
     * @param data the data folder
     * @throws IOException if the data cannot be read
     */
    void setUp(Path data) throws IOException {
        engine = new DecisionEngine(FilterSnapshot.of(PolicyParser.parse(Presets.yaml("astley-park")), 1)
                .withLists(BenchData.loadFullListSet(data))
                .withDirectory(InMemoryDirectory.builder().user(USER, KS3_PUPIL).build()));
        urls = BenchData.stream(data);
        List<DecisionRequest> normalised = new ArrayList<>(urls.length);
        for (String url : urls) {
            try {
                normalised.add(request(url));
            } catch (MalformedUrlException e) {
                // The proxy blocks these before the engine sees them; normaliseAndDecide still pays for them.
            }
        }
        requests = normalised.toArray(DecisionRequest[]::new);
    }

    private static DecisionRequest request(String url) throws MalformedUrlException {
        return DecisionRequest.of(url, "GET", USER, CLIENT_IP, SCHOOL_DAY);
    }

    /** @return the decision on the next normalised request */
    @Benchmark
    public Decision decide() {
        DecisionRequest request = requests[nextRequest];
        nextRequest = nextRequest + 1 == requests.length ? 0 : nextRequest + 1;
        return engine.decide(request);
    }

    /** @return the decision on the next raw URL, or its rejection, as a proxy would meet it */
    @Benchmark
    public Object normaliseAndDecide() {
        String url = urls[nextUrl];
        nextUrl = nextUrl + 1 == urls.length ? 0 : nextUrl + 1;
        try {
            return engine.decide(request(url));
        } catch (MalformedUrlException e) {
            return e;
        }
    }

    /** @return how many stream URLs normalised, for the smoke test and the docs */
    int requestCount() {
        return requests.length;
    }
}
