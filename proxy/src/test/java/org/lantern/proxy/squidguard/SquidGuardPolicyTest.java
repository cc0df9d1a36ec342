package org.lantern.proxy.squidguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SquidGuardPolicyTest {

    /** A Monday inside the school day, and the same Monday evening. */
    private static final LocalDateTime SCHOOL = LocalDateTime.of(2025, 1, 6, 10, 0);
    private static final LocalDateTime EVENING = LocalDateTime.of(2025, 1, 6, 19, 0);

    @TempDir
    Path db;

    private SquidGuardPolicy policy;

    @BeforeEach
    void load() throws Exception {
        Files.createDirectories(db.resolve("adult"));
        Files.createDirectories(db.resolve("games"));
        Files.createDirectories(db.resolve("edu"));
        Files.writeString(db.resolve("adult/domains"), "bad.example\n");
        Files.writeString(db.resolve("games/domains"), "games.example\n");
        Files.writeString(db.resolve("games/urls"), "site.example/play\n");
        Files.writeString(db.resolve("edu/domains"), "games.example\n");
        String conf = "dbhome " + db + "\n"
                + "src staff {\n ip 10.2.0.0/16\n}\n"
                + "src pupils {\n ip 10.1.0.0/16\n}\n"
                + "src head {\n user Alice\n}\n"
                + "time day {\n weekly mtwhf 08:30-15:30\n}\n"
                + "dest adult {\n domainlist adult/domains\n redirect http://adult.block/%t\n}\n"
                + "dest games {\n domainlist games/domains\n urllist games/urls\n}\n"
                + "dest edu {\n domainlist edu/domains\n}\n"
                + "acl {\n"
                + " staff {\n pass !adult all\n redirect http://b/?u=%u&a=%a&n=%n&i=%i&s=%s&t=%t&p=%p\n }\n"
                + " pupils within day {\n pass !adult edu !games !in-addr all\n redirect 302:http://b/day/%t\n }"
                + " else {\n pass !adult all\n }\n"
                + " head {\n pass none\n }\n"
                + " default {\n pass !adult !games all\n redirect http://b/default/%s/%t\n }\n}\n";
        SquidGuardConfig config = new SquidGuardConfParser().parse(conf, "test.conf");
        policy = SquidGuardPolicy.load(config, line -> { });
    }

    private SquidGuardDecision judge(String url, String ip, String user, LocalDateTime time) {
        return policy.evaluate(new SquidGuardRequest(url, ip, "-", user, "GET", time));
    }

    @Test
    void blockedRequestGetsTheAclRedirectWithEverySubstitution() {
        SquidGuardDecision d = policy.evaluate(new SquidGuardRequest("http://games.example/a/b?c=1", "10.9.0.1",
                "pc1.school", "bob", "GET", SCHOOL));
        assertThat(d.blocked()).isTrue();
        assertThat(d.redirectUrl()).contains("http://b/default/default/games");
        SquidGuardDecision staff = policy.evaluate(new SquidGuardRequest("http://www.bad.example/x/y?z=1", "10.2.0.4",
                "pc1.school", "bob", "GET", SCHOOL));
        assertThat(staff.redirectUrl()).contains("http://adult.block/adult");
    }

    @Test
    void substitutionsLeaveUnknownNameAndUserEmptyAsSquidGuardDoes() {
        SquidGuardRequest r = new SquidGuardRequest("http://x.example/a?b=c", "10.2.0.4", "-", "-", "GET", SCHOOL);
        assertThat(SquidGuardPolicy.substitute("u=%u&a=%a&n=%n&i=%i&s=%s&t=%t&p=%p&%%&%z", r, "staff", "adult"))
                .isEqualTo("u=http://x.example/a?b=c&a=10.2.0.4&n=&i=&s=staff&t=adult&p=a?b=c&%&%z");
    }

    @Test
    void destinationRedirectOverridesTheAclRedirect() {
        assertThat(judge("http://bad.example/", "10.9.0.1", "-", SCHOOL).redirectUrl()).contains("http://adult.block/adult");
    }

    @Test
    void passListIsEvaluatedLeftToRightSoAnEarlierPassWins() {
        SquidGuardDecision d = judge("http://games.example/", "10.1.0.5", "-", SCHOOL);
        assertThat(d.blocked()).as("edu passes before !games is reached").isFalse();
    }

    @Test
    void withinTimeUsesTheTimedBranchWithItsStatus() {
        SquidGuardDecision d = judge("http://site.example/play/now", "10.1.0.5", "-", SCHOOL);
        assertThat(d.blocked()).isTrue();
        assertThat(d.status()).isEqualTo(302);
        assertThat(d.redirectUrl()).contains("http://b/day/games");
    }

    @Test
    void outsideTheTimeTheElseBranchApplies() {
        assertThat(judge("http://site.example/play/now", "10.1.0.5", "-", EVENING).blocked()).isFalse();
    }

    @Test
    void elseBranchWithoutRedirectFallsBackToTheDefaultRedirect() {
        SquidGuardDecision d = policy.evaluate(new SquidGuardRequest("http://www.bad.example/", "10.1.0.5", "-", "-",
                "GET", EVENING));
        assertThat(d.redirectUrl()).as("adult has its own redirect").contains("http://adult.block/adult");
    }

    @Test
    void inAddrBlocksIpAddressHostsInEverySpelling() {
        assertThat(judge("http://3232235777/", "10.1.0.5", "-", SCHOOL).targetClass()).isEqualTo("in-addr");
    }

    @Test
    void noneBlocksEverything() {
        SquidGuardDecision d = judge("http://fine.example/", "192.168.0.1", "alice", SCHOOL);
        assertThat(d.blocked()).isTrue();
        assertThat(d.sourceClass()).as("user names match case-insensitively").isEqualTo("head");
        assertThat(d.targetClass()).isEqualTo("none");
    }

    @Test
    void clientInNoSourceGetsTheDefaultAcl() {
        SquidGuardDecision d = judge("http://games.example/", "172.16.0.1", "-", SCHOOL);
        assertThat(d.sourceClass()).isEqualTo("default");
        assertThat(d.blocked()).isTrue();
    }

    @Test
    void firstDeclaredMatchingSourceWins() {
        assertThat(judge("http://fine.example/", "10.2.0.1", "alice", SCHOOL).sourceClass()).isEqualTo("staff");
    }

    @Test
    void unlistedUrlPassesByFallingOffTheEndOfThePassList() {
        SquidGuardDecision d = judge("http://fine.example/", "10.2.0.1", "-", SCHOOL);
        assertThat(d.blocked()).isFalse();
        assertThat(d.matches()).isEmpty();
    }

    @Test
    void unparseableUrlIsBlockedNotPassedUnjudged() {
        SquidGuardDecision d = judge("http://a b.example/", "10.2.0.1", "-", SCHOOL);
        assertThat(d.blocked()).isTrue();
        assertThat(d.targetClass()).isEqualTo(SquidGuardDecision.INVALID_URL);
    }

    @Test
    void connectRequestsAreJudgedByHost() {
        SquidGuardDecision d = policy.evaluate(new SquidGuardRequest("bad.example:443", "10.2.0.1", "-", "-",
                "CONNECT", SCHOOL));
        assertThat(d.blocked()).isTrue();
        assertThat(d.targetClass()).isEqualTo("adult");
    }

    @Test
    void nonIpv4ClientMatchesNoAddressBasedSource() {
        assertThat(judge("http://fine.example/", "2001:db8::1", "-", SCHOOL).sourceClass()).isEqualTo("default");
    }

    @Test
    void ipv4ParserAcceptsOnlyDottedQuads() {
        assertThat(SquidGuardPolicy.ipv4("10.1.2.3")).isEqualTo(0x0A010203L);
        assertThat(SquidGuardPolicy.ipv4("255.255.255.255")).isEqualTo(0xFFFFFFFFL);
        assertThat(SquidGuardPolicy.ipv4("10.1.2")).isEqualTo(-1);
        assertThat(SquidGuardPolicy.ipv4("10.1.2.256")).isEqualTo(-1);
        assertThat(SquidGuardPolicy.ipv4("10.1.2.3x")).isEqualTo(-1);
        assertThat(SquidGuardPolicy.ipv4("")).isEqualTo(-1);
    }

    @Test
    void listFileOfBinaryJunkIsSkippedLineByLineReportedAndTheOtherListsStillBlock() throws Exception {
        byte[] junk = new byte[64 * 1024];
        new Random(42).nextBytes(junk);
        Files.write(db.resolve("games/domains"), junk);
        Files.write(db.resolve("games/urls"), junk);
        List<String> progress = new ArrayList<>();
        SquidGuardConfig config = new SquidGuardConfParser().parse("dbhome " + db + "\n"
                + "dest adult {\n domainlist adult/domains\n}\n"
                + "dest games {\n domainlist games/domains\n urllist games/urls\n}\n"
                + "acl {\n default {\n pass !adult !games all\n redirect http://b/%t\n }\n}\n", "junk.conf");

        SquidGuardPolicy loaded = SquidGuardPolicy.load(config, progress::add);

        assertThat(progress).anySatisfy(line -> assertThat(line).startsWith("dest games: domains ")
                .containsPattern("[0-9,]+ lines skipped \\(first: line [0-9]+ "));
        assertThat(loaded.evaluate(new SquidGuardRequest("http://bad.example/", "10.9.0.1", "-", "-", "GET", SCHOOL))
                .targetClass()).isEqualTo("adult");
        assertThat(loaded.evaluate(new SquidGuardRequest("http://fine.example/", "10.9.0.1", "-", "-", "GET", SCHOOL))
                .blocked()).isFalse();
    }
}
