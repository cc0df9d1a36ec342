package org.lantern.monitor.match;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lantern.bench.BenchData;
import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.lexicon.MonitorLibraries;
import org.lantern.monitor.library.PhraseLibrary;
import org.lantern.monitor.model.RiskModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Classifying search-sized texts, what the monitor pays for every search a pupil makes: one
 * {@link PhraseMatcher#classify} (normalisation, the automaton, the rules, the explanations) per
 * operation, on one core, so the score is texts per second per core (issue 17's target: at least
 * 1,000,000). {@code searches} cycles the search terms of the shared request stream as sent
 * (URL-encoded, plain ASCII); {@code obfuscated} cycles texts written to defeat a matcher
 * (leetspeak, look-alikes, zero-width, full-width, spelled-out letters, other languages), which
 * take the Unicode path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class PhraseMatcherBenchmark {

    /** Texts that take every normalisation step, about search-sized. */
    static final String[] OBFUSCATED = {
        "how+to+k1ll+mys3lf", "ѕuicide squad cast", "s u i c i d e", "su\u200Bici\u200Bde", "ｓｅｌｆ－ｈａｒｍ",
        "suiiiicide", "$elf h@rm", "Chcę umrzeć", "quiero morir", "Selbstmord Gedanken", "j'ai envie de mourir",
        "kill -9 1234", "isis osiris", "am i gay", "suicide hotline", "k.i.l.l all immigrants", "year 6 sats",
        "how to draw a cat", "أريد أن أموت", "我想自杀"};

    private PhraseMatcher matcher;
    private String[] searches;
    private int nextSearch;
    private int nextObfuscated;

    /**
     * Builds the matcher from the curated libraries (what {@code lantern classify} and the server use) and
     * reads the stream's searches.
     *
     * @throws IOException if the stream cannot be read
     */
    @Setup
    public void setUp() throws IOException {
        setUp(BenchData.locate());
    }

    void setUp(Path data) throws IOException {
        List<PhraseLibrary> libraries = MonitorLibraries.curated();
        matcher = PhraseMatcher.build(libraries, RiskModel.curated(libraries));
        searches = BenchData.searchTerms(data);
        if (searches.length == 0) {
            throw new IllegalStateException("no searches (q= or search_query=) in " + data.resolve(BenchData.STREAM));
        }
    }

    int searchCount() {
        return searches.length;
    }

    /** @return the classification of the next search of the stream */
    @Benchmark
    public Classification searches() {
        String text = searches[nextSearch];
        nextSearch = nextSearch + 1 == searches.length ? 0 : nextSearch + 1;
        return matcher.classify(text, AgeBand.KS3);
    }

    /** @return the classification of the next obfuscated text */
    @Benchmark
    public Classification obfuscated() {
        String text = OBFUSCATED[nextObfuscated];
        nextObfuscated = nextObfuscated + 1 == OBFUSCATED.length ? 0 : nextObfuscated + 1;
        return matcher.classify(text, AgeBand.KS3);
    }
}
