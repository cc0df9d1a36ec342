package org.lantern.filter.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lantern.filter.lists.ListLoader;
import org.lantern.filter.lists.ListSource;
import org.lantern.filter.url.MalformedUrlException;
import org.lantern.policy.Level;
import org.lantern.policy.PolicyParser;
import org.lantern.policy.Presets;

/**
 * The engine over the real UT1 lists (shared test data, outside the repository) and the Astley
 * Park policy: known domains of each category get the outcome the published policy gives them.
 * Skipped, with a message saying why, where the data is absent.
 */
class DecisionEngineUt1IntegrationTest {

    private static final Instant SATURDAY = Instant.parse("2026-01-10T11:00:00Z");
    private static final Subject KS3_PUPIL = new Subject("p-1", "Ada Pupil", "ks3", true);

    private static Path data;
    private static DecisionEngine engine;

    @BeforeAll
    static void load() throws IOException {
        Optional<Path> found = sharedData();
        assumeTrue(found.isPresent(), "SKIPPED: shared test data not found (no shared/data/lists/ut1 above the"
                + " working directory); the UT1 decision integration test needs it");
        data = found.get();
        FilterSnapshot snapshot = FilterSnapshot.of(PolicyParser.parse(Presets.yaml("astley-park")), 1)
                .withLists(new ListLoader().load(List.of(
                        new ListSource("ut1", "2026-08", data.resolve("lists/ut1")),
                        new ListSource("porn-top1m", "shared", data.resolve("lists/porn-top1m")))))
                .withDirectory(InMemoryDirectory.builder().user("ada", KS3_PUPIL).build());
        engine = new DecisionEngine(snapshot);
    }

    private static Optional<Path> sharedData() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data");
            if (Files.isDirectory(candidate.resolve("lists/ut1"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The first few entries of a list that no other list also names, so the outcome is the category's. */
    private static List<String> entries(String relative) throws IOException {
        try (Stream<String> lines = Files.lines(data.resolve(relative))) {
            return lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).limit(5).toList();
        }
    }

    private static Decision decide(String url) throws MalformedUrlException {
        return engine.decide(DecisionRequest.of(url, "GET", "ada", "10.0.0.1", SATURDAY));
    }

    private static void assertCategory(String list, String policyCategory, Action action, Level level)
            throws Exception {
        for (String domain : entries("lists/ut1/" + list + "/domains")) {
            Decision d = decide("http://" + domain + "/");
            assertThat(d.policyCategory()).as(domain).isEqualTo(policyCategory);
            assertThat(d.action()).as(domain).isEqualTo(action);
            assertThat(d.level()).as(domain).isEqualTo(level);
        }
    }

    @Test
    void bbcIsAllowed() throws Exception {
        Decision d = decide("https://www.bbc.co.uk/");

        assertThat(d.action()).isEqualTo(Action.ALLOW);
        assertThat(d.rule()).isIn(Rule.NO_MATCH, Rule.UNREGULATED);
    }

    @Test
    void gamblingDomainsAreBlocked() throws Exception {
        assertCategory("gambling", "gambling", Action.BLOCK, Level.UNACCEPTABLE);
    }

    @Test
    void leisureGamingDomainsAreBlocked() throws Exception {
        assertCategory("games", "online-gaming", Action.BLOCK, Level.UNACCEPTABLE);
    }

    @Test
    void socialNetworkDomainsAreBlockedForPupils() throws Exception {
        assertCategory("social_networks", "social-media", Action.BLOCK, Level.UNACCEPTABLE);
    }

    @Test
    void vpnDomainsAreBlockedAsBypassAttempts() throws Exception {
        for (String domain : entries("lists/ut1/vpn/domains")) {
            Decision d = decide("https://" + domain + "/");
            assertThat(d.action()).as(domain).isEqualTo(Action.BLOCK);
            assertThat(d.bypassAttempt()).as(domain).isTrue();
        }
    }

    @Test
    void adultDomainsAreBlockedUnderThePornographyRowWithoutAlertingTheDsl() throws Exception {
        for (String domain : entries("lists/porn-top1m/adult/domains")) {
            Decision d = decide("http://" + domain + "/");
            assertThat(d.action()).as(domain).isEqualTo(Action.BLOCK);
            assertThat(d.policyCategory()).as(domain).isEqualTo("pornography");
        }
    }

    @Test
    void requestStreamIsDecidedThroughout() throws Exception {
        Path stream = data.resolve("urls/stream-200k.txt");
        assumeTrue(Files.isRegularFile(stream), "SKIPPED: " + stream + " is absent");
        List<DecisionRequest> requests;
        try (Stream<String> lines = Files.lines(stream)) {
            requests = lines.<DecisionRequest>mapMulti((line, out) -> {
                try {
                    out.accept(DecisionRequest.of(line, "GET", "ada", "10.0.0.1", SATURDAY));
                } catch (MalformedUrlException e) {
                    // Rejected URLs are the proxy's to block; the engine only sees normalised ones.
                }
            }).toList();
        }
        Map<Action, Integer> counts = new EnumMap<>(Action.class);
        for (int round = 0; round < 3; round++) {
            counts.clear();
            long start = System.nanoTime();
            for (DecisionRequest r : requests) {
                counts.merge(engine.decide(r).action(), 1, Integer::sum);
            }
            long nanos = System.nanoTime() - start;
            System.out.printf("[decision-ut1] round %d: %,d decisions, %.2f us each, %s%n",
                    round, requests.size(), nanos / 1000.0 / requests.size(), counts);
        }
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(requests.size());
        assertThat(counts).containsKeys(Action.ALLOW, Action.BLOCK);
    }
}
