package org.lantern.proxy.squidguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.lantern.proxy.squidguard.SquidGuardConfig.PassKind;

class SquidGuardConfParserTest {

    private static SquidGuardConfig parse(String text) throws Exception {
        return new SquidGuardConfParser().parse(text, "test.conf");
    }

    private static final String MINIMAL_ACL = "acl {\n default {\n pass all\n redirect http://b/\n }\n}\n";

    @Test
    void relativeListPathsResolveUnderDbhomeAndAbsoluteOnesStay() throws Exception {
        SquidGuardConfig c = parse("dbhome /db\ndest bad {\n domainlist bad/domains\n urllist /x/urls\n"
                + " expressionlist bad/expressions\n}\n" + MINIMAL_ACL);
        SquidGuardConfig.Dest bad = c.dests().get("bad");
        assertThat(bad.domainLists()).containsExactly(Path.of("/db/bad/domains"));
        assertThat(bad.urlLists()).containsExactly(Path.of("/x/urls"));
        assertThat(bad.expressionLists()).containsExactly(Path.of("/db/bad/expressions"));
    }

    @Test
    void sourceAddressesAcceptHostsPrefixesMasksAndRanges() throws Exception {
        SquidGuardConfig c = parse("src s {\n ip 10.0.0.1 10.1.0.0/16\n ip 10.2.0.0/255.255.255.0 10.3.0.1-10.3.0.9\n}\n"
                + MINIMAL_ACL);
        assertThat(c.sources().get(0).ipRanges()).containsExactly(
                new SquidGuardConfig.IpRange(0x0A000001L, 0x0A000001L),
                new SquidGuardConfig.IpRange(0x0A010000L, 0x0A01FFFFL),
                new SquidGuardConfig.IpRange(0x0A020000L, 0x0A0200FFL),
                new SquidGuardConfig.IpRange(0x0A030001L, 0x0A030009L));
    }

    @Test
    void passListReadsNegationsInAddrAnyAndNone() throws Exception {
        SquidGuardConfig c = parse("dest bad {\n domainlist bad/domains\n}\nacl {\n default {\n"
                + " pass !bad !in-addr bad any none\n redirect http://b/\n }\n}\n");
        assertThat(c.defaultAcl().pass()).extracting(SquidGuardConfig.PassEntry::kind, SquidGuardConfig.PassEntry::allow)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PassKind.DEST, false),
                        org.assertj.core.groups.Tuple.tuple(PassKind.IN_ADDR, false),
                        org.assertj.core.groups.Tuple.tuple(PassKind.DEST, true),
                        org.assertj.core.groups.Tuple.tuple(PassKind.ALL, true),
                        org.assertj.core.groups.Tuple.tuple(PassKind.ALL, false));
    }

    @Test
    void redirectWithStatusPrefixBecomesAnHttpRedirect() throws Exception {
        SquidGuardConfig c = parse("acl {\n default {\n pass none\n redirect 302:http://b/?u=%u\n }\n}\n");
        assertThat(c.defaultAcl().redirect()).contains(new SquidGuardConfig.Redirect("http://b/?u=%u", 302));
    }

    @Test
    void weeklyTimesParseWithAndWithoutSpacesAroundTheDash() throws Exception {
        SquidGuardConfig c = parse("time t {\n weekly mtwhf 08:30 - 15:30\n weekly a 10:00-12:00\n}\n" + MINIMAL_ACL);
        TimeRule t = c.times().get("t");
        assertThat(t.holdsAt(LocalDateTime.of(2025, 1, 6, 8, 30))).as("Monday 08:30").isTrue();
        assertThat(t.holdsAt(LocalDateTime.of(2025, 1, 6, 15, 30))).as("Monday 15:30, end is exclusive").isFalse();
        assertThat(t.holdsAt(LocalDateTime.of(2025, 1, 4, 11, 0))).as("Saturday 11:00").isTrue();
        assertThat(t.holdsAt(LocalDateTime.of(2025, 1, 5, 11, 0))).as("Sunday").isFalse();
    }

    @Test
    void dateRangesAndWildcardsMatchWholeDaysUnlessTimesAreGiven() throws Exception {
        SquidGuardConfig c = parse("time hol {\n date 2025.12.20-2026.01.04\n date *.05.01 09:00-10:00\n}\n" + MINIMAL_ACL);
        TimeRule t = c.times().get("hol");
        assertThat(t.holdsAt(LocalDateTime.of(2026, 1, 4, 23, 59))).isTrue();
        assertThat(t.holdsAt(LocalDateTime.of(2026, 1, 5, 0, 0))).isFalse();
        assertThat(t.holdsAt(LocalDateTime.of(2031, 5, 1, 9, 15))).isTrue();
        assertThat(t.holdsAt(LocalDateTime.of(2031, 5, 1, 10, 15))).isFalse();
    }

    @Test
    void commentsAndQuotedWordsAreRead() throws Exception {
        SquidGuardConfig c = parse("# school\ndbhome \"/my lists\" # trailing\ndest a {\n domainlist \"x y/domains\"\n}\n"
                + MINIMAL_ACL);
        assertThat(c.dests().get("a").domainLists()).containsExactly(Path.of("/my lists/x y/domains"));
    }

    @Test
    void timedAclWithElseKeepsBothBranches() throws Exception {
        SquidGuardConfig c = parse("src p {\n ip 10.1.0.0/16\n}\ntime day {\n weekly * 08:00-16:00\n}\n"
                + "acl {\n p within day {\n pass none\n } else {\n pass all\n }\n default {\n pass all\n redirect http://b/\n }\n}\n");
        SquidGuardConfig.AclRule rule = c.acls().get(0);
        assertThat(rule.time()).contains(new SquidGuardConfig.TimeCondition("day", true));
        assertThat(rule.otherwise()).isPresent();
    }

    @Test
    void errorNamesLineColumnAndWhatWasExpected() {
        assertThatThrownBy(() -> parse("dest bad\n domainlist x\n"))
                .isInstanceOf(SquidGuardConfException.class)
                .hasMessage("test.conf:1:9: expected '{' after 'bad', found end of line");
    }

    @Test
    void passNamingAnUndeclaredDestinationIsRejected() {
        assertThatThrownBy(() -> parse("acl {\n default {\n pass !nosuch all\n redirect http://b/\n }\n}\n"))
                .hasMessage("test.conf:3:7: pass names destination 'nosuch', which is not declared with 'dest'");
    }

    @Test
    void aclForAnUndeclaredSourceIsRejected() {
        assertThatThrownBy(() -> parse("acl {\n pupils {\n pass all\n }\n}\n"))
                .hasMessageContaining("test.conf:2:2: acl names source 'pupils'");
    }

    @Test
    void configWithoutDefaultAclIsRejected() {
        assertThatThrownBy(() -> parse("dbhome /db\n")).hasMessageContaining("no 'default' rule");
    }

    @Test
    void blockingAclWithoutAnyRedirectIsRejected() {
        assertThatThrownBy(() -> parse("acl {\n default {\n pass none\n }\n}\n"))
                .hasMessageContaining("can block but neither it nor 'default' has a redirect");
    }

    @Test
    void invalidAddressIsRejectedWithItsPosition() {
        assertThatThrownBy(() -> parse("src s {\n ip 10.0.0.300\n}\n" + MINIMAL_ACL))
                .hasMessage("test.conf:2:5: IPv4 address '10.0.0.300' has an octet over 255");
    }

    @Test
    void invalidDaysAreRejected() {
        assertThatThrownBy(() -> parse("time t {\n weekly xyz 08:00-09:00\n}\n" + MINIMAL_ACL))
                .hasMessageContaining("test.conf:2:9: expected days as letters of smtwhfa");
    }

    @Test
    void backwardsTimeRangeIsRejected() {
        assertThatThrownBy(() -> parse("time t {\n weekly m 10:00-09:00\n}\n" + MINIMAL_ACL))
                .hasMessageContaining("time range ends before it starts");
    }

    @Test
    void unsupportedFeaturesAreRejectedNotIgnored() {
        assertThatThrownBy(() -> parse("ldapbinddn cn=x\n" + MINIMAL_ACL))
                .hasMessageContaining("test.conf:1:1: 'ldapbinddn' is a squidGuard feature Lantern does not support");
        assertThatThrownBy(() -> parse("dest d within t {\n}\n" + MINIMAL_ACL))
                .hasMessageContaining("timed destinations");
    }

    @Test
    void unterminatedQuoteIsRejected() {
        assertThatThrownBy(() -> parse("dbhome \"/x\n")).hasMessage("test.conf:1:8: unterminated quoted string");
    }

    @Test
    void unknownTopLevelWordIsRejected() {
        assertThatThrownBy(() -> parse("dbhom /x\n")).hasMessageContaining("test.conf:1:1: expected a declaration");
    }
}
