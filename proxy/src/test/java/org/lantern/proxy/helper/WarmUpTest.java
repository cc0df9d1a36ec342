package org.lantern.proxy.helper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.proxy.squidguard.SquidGuardConfParser;
import org.lantern.proxy.squidguard.SquidGuardConfig;
import org.lantern.proxy.squidguard.SquidGuardPolicy;

class WarmUpTest {

    @TempDir
    Path db;

    private SquidGuardConfig config() throws Exception {
        Files.createDirectories(db.resolve("bad"));
        Files.writeString(db.resolve("bad/domains"), "bad.example\n# comment\n\u00ff\u00fe junk\n");
        String conf = "dbhome " + db + "\nsrc pupils {\n ip 10.1.0.0/16\n user alice\n}\n"
                + "dest bad {\n domainlist bad/domains\n}\n"
                + "acl {\n default {\n pass !bad all\n redirect http://b/\n }\n}\n";
        return new SquidGuardConfParser().parse(conf, "t.conf");
    }

    @Test
    void requestsMixListedHostsWithMissesFromEverySourceClassAndTheDefault() throws Exception {
        List<String> lines = new String(WarmUp.requests(config(), 6, 1), StandardCharsets.UTF_8).lines().toList();

        assertThat(lines).hasSize(6);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("http://www.bad.example/"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("https://www.warm-up-"));
        assertThat(lines).anySatisfy(l -> assertThat(l).endsWith(" 10.1.0.0/- alice GET"));
        assertThat(lines).anySatisfy(l -> assertThat(l).endsWith(" 192.0.2.1/- - GET"));
    }

    @Test
    void withConcurrencyEveryLineCarriesAChannelId() throws Exception {
        List<String> lines = new String(WarmUp.requests(config(), 20, 4), StandardCharsets.UTF_8).lines().toList();

        assertThat(lines).allSatisfy(l -> assertThat(SquidHelper.channelIdLength(l.getBytes(StandardCharsets.UTF_8)))
                .isPositive());
    }

    @Test
    void everyMadeUpRequestIsARequestTheHelperJudges() throws Exception {
        SquidGuardPolicy policy = SquidGuardPolicy.load(config(), line -> { });
        SquidHelper helper = new SquidHelper(() -> policy, SquidHelper.Protocol.URL_REWRITE, Clock.systemUTC(),
                line -> { }, entries -> CompletableFuture.completedFuture(null));
        for (String line : new String(WarmUp.requests(config(), 100, 1), StandardCharsets.UTF_8).lines().toList()) {
            assertThat(helper.answer(line)).doesNotStartWith("BH");
        }
        assertThat(helper.counters().blocked() - helper.counters().invalidUrls()).as("listed hosts").isEqualTo(50);
    }

    @Test
    void aQuarterOfTheRequestsAreAddressShapesOtherThanPlainNames() throws Exception {
        List<String> lines = new String(WarmUp.requests(config(), 400, 1), StandardCharsets.UTF_8).lines().toList();

        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("http://192.0.2."));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("https://[2001:db8::"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("http://xn--"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("https://www.google.com/search?q="));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("http://[warm-up-"));
    }

    @Test
    void runJudgesEveryRequestAcrossItsRounds(@TempDir Path scratch) throws Exception {
        SquidGuardConfig config = config();
        SquidGuardPolicy policy = SquidGuardPolicy.load(config, line -> { });
        AtomicLong logged = new AtomicLong();
        SquidHelper helper = new SquidHelper(() -> policy, SquidHelper.Protocol.URL_REWRITE, Clock.systemUTC(),
                line -> { }, entries -> CompletableFuture.completedFuture(logged.addAndGet(entries.size())));

        WarmUp.run(helper, config, 2_345, 1, scratch);

        assertThat(helper.counters().requests()).isEqualTo(2_345);
        assertThat(helper.counters().badLines()).isZero();
        assertThat(logged).hasValue(2_345);
    }
}
