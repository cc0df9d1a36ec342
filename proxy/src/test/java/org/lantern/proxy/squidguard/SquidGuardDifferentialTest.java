package org.lantern.proxy.squidguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.filter.match.Match;
import org.lantern.filter.match.MatchKind;
import org.lantern.proxy.SharedData;
import org.lantern.proxy.helper.SquidHelper;

/**
 * Lantern and the real squidGuard 1.6 judge the same 200,000 requests by the same school.conf;
 * every reply that differs must be one of the deliberate strictness cases of docs/filter.md
 * (recorded with counts in docs/squidguard-compat.md).
 */
class SquidGuardDifferentialTest {

    private static final String[] CLIENTS = {"10.2.0.5/- -", "10.1.0.7/- alice", "192.168.1.9/- -"};

    @TempDir
    Path dir;

    @Test
    void everyDisagreementWithSquidGuardIsADocumentedStrictnessCase() throws Exception {
        Path squidGuard = SharedData.program("/usr/bin/squidGuard");
        Path data = SharedData.root();
        Path conf = instantiate(data);
        Process compile = new ProcessBuilder(squidGuard.toString(), "-c", conf.toString(), "-C", "all")
                .redirectErrorStream(true).redirectOutput(dir.resolve("compile.log").toFile()).start();
        assertThat(compile.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(compile.exitValue()).as(Files.readString(dir.resolve("compile.log"))).isZero();

        List<String> urls = Files.readAllLines(data.resolve("urls/stream-200k.txt"), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(urls.size());
        for (int i = 0; i < urls.size(); i++) {
            lines.add(urls.get(i) + " " + CLIENTS[i % CLIENTS.length] + " GET");
        }
        Path input = dir.resolve("input.txt");
        Files.write(input, lines, StandardCharsets.UTF_8);
        LocalDateTime now = LocalDateTime.now();
        Process run = new ProcessBuilder(squidGuard.toString(), "-c", conf.toString())
                .redirectInput(input.toFile()).redirectOutput(dir.resolve("sg.out").toFile())
                .redirectError(dir.resolve("sg.err").toFile()).start();
        assertThat(run.waitFor(10, TimeUnit.MINUTES)).isTrue();
        List<String> theirs = Files.readAllLines(dir.resolve("sg.out"), StandardCharsets.UTF_8);
        assertThat(theirs).hasSize(lines.size());

        SquidGuardPolicy policy = SquidGuardPolicy.load(new SquidGuardConfParser().parse(conf), line -> { });
        SquidHelper helper = new SquidHelper(() -> policy, SquidHelper.Protocol.URL_REWRITE,
                Clock.fixed(now.atZone(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault()), line -> { },
                entries -> CompletableFuture.completedFuture(null));
        Map<String, Integer> categories = new TreeMap<>();
        List<String> unexplained = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String ours = helper.answer(lines.get(i));
            if (ours.equals(theirs.get(i))) {
                continue;
            }
            String[] w = lines.get(i).split(" ");
            String[] client = w[1].split("/");
            SquidGuardDecision d = policy.evaluate(new SquidGuardRequest(w[0], client[0], client[1], w[2], w[3], now));
            String category = explain(urls.get(i), d, theirs.get(i));
            if (categories.merge(category, 1, Integer::sum) <= 3) {
                System.err.println(category + ": " + lines.get(i) + " -> squidGuard " + theirs.get(i));
            }
            if (category.startsWith("unexplained")) {
                unexplained.add(lines.get(i) + "\n  lantern:    " + ours + "\n  squidGuard: " + theirs.get(i));
            }
        }
        System.err.println("squidGuard differential over " + lines.size() + " requests: " + categories);
        unexplained.stream().limit(20).forEach(System.err::println);
        assertThat(unexplained).as("disagreements not explained by a documented strictness case").isEmpty();
    }

    /** Names the documented reason a reply differs, or "unexplained". */
    private static String explain(String url, SquidGuardDecision ours, String theirs) {
        boolean theyBlock = theirs.startsWith("OK");
        if (ours.blocked() && !theyBlock) {
            if (ours.targetClass().equals(SquidGuardDecision.INVALID_URL)) {
                return "lantern blocks: URL rejected by the normaliser";
            }
            for (Match m : ours.matches()) {
                if (m.kind() == MatchKind.URL && m.category().equals(ours.targetClass())) {
                    return "lantern blocks: urllist entry matched by label suffix or after normalisation";
                }
                if (m.kind() == MatchKind.DOMAIN && m.category().equals(ours.targetClass())) {
                    return "lantern blocks: sub-domain of a domainlist entry that squidGuard's B-tree lookup misses";
                }
            }
            return "unexplained: lantern blocks";
        }
        if (!ours.blocked() && theyBlock) {
            return "unexplained: squidGuard blocks";
        }
        if (ours.blocked() && ours.targetClass().equals(SquidGuardDecision.INVALID_URL)) {
            return "both block: Lantern names the URL invalid (host ends in a number), squidGuard a list";
        }
        for (Match m : ours.matches()) {
            if (ours.blocked() && theyBlock && m.category().equals(ours.targetClass())) {
                return "both block: Lantern's stricter " + (m.kind() == MatchKind.URL ? "urllist" : "domain")
                        + " match hits an earlier destination of the pass list";
            }
        }
        return "unexplained: both block, different redirect";
    }

    /** school.conf over copies of only the lists it names, as squidGuard -C writes .db files beside them. */
    private Path instantiate(Path data) throws IOException, SquidGuardConfException {
        String template = Files.readString(data.resolve("squidguard/school.conf.in"));
        String text = template.replace("@DATA@", dir.toString()).replaceAll("(?m)^logdir .*$", "logdir " + dir);
        Path conf = dir.resolve("school.conf");
        Files.writeString(conf, text);
        for (SquidGuardConfig.Dest dest : new SquidGuardConfParser().parse(conf).dests().values()) {
            List<Path> files = new ArrayList<>(dest.domainLists());
            files.addAll(dest.urlLists());
            files.addAll(dest.expressionLists());
            for (Path copy : files) {
                Path original = data.resolve(dir.relativize(copy));
                Files.createDirectories(copy.getParent());
                Files.copy(original, copy);
            }
        }
        return conf;
    }
}
