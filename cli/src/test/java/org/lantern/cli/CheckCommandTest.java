package org.lantern.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.server.filtering.LocalLists;
import org.lantern.server.people.GroupMemberships;
import org.lantern.server.people.People;
import org.lantern.server.people.PeopleImporter;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class CheckCommandTest {

    @TempDir
    Path dataDir;

    private final CliRun cli = new CliRun();

    private void blockLocally(String site) {
        try (ConfigurableApplicationContext context = CliRun.openDemoDatabase(dataDir)) {
            context.getBean(LocalLists.class).add(LocalLists.ListName.BLOCK, site, "test", "not for school");
        }
    }

    @Test
    void aBlockedUrlIsExplainedInPlainEnglishWithExitCodeOne() {
        blockLocally("games.example");

        int code = cli.lantern("check", "http://games.example/play", "--data-dir", dataDir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(cli.out.toString()).contains("Blocked. http://games.example/play", "Why: ",
                "List entry: games.example on the local/local-block list.", "Policy version: 1.");
    }

    @Test
    void anAllowedUrlPrintsJsonWithExitCodeZero() {
        blockLocally("games.example");

        int code = cli.lantern("check", "http://library.example/", "--json", "--at", "2025-03-04T10:00:00Z",
                "--data-dir", dataDir.toString());

        assertThat(code).isZero();
        assertThat(cli.out.toString()).contains("\"action\":\"ALLOW\"", "\"policyVersion\":1", "\"group\":\"visitors\"");
    }

    @Test
    void aNominatedUsersGroupIsExplainedWithWhoNominatedThem() {
        try (ConfigurableApplicationContext context = CliRun.openDemoDatabase(dataDir)) {
            context.getBean(PeopleImporter.class).apply("Type,Legal Surname,Legal Forename,Staff Code,Proxy Username\r\n"
                    .concat("Staff,Nominee,Nell,NNX,nnominee").getBytes(StandardCharsets.UTF_8), "staff.csv", false, false,
                    "test");
            long nell = context.getBean(People.class).findByProxyUsername("nnominee").orElseThrow().id();
            context.getBean(GroupMemberships.class).add(nell, "nominated-staff", "dsl", "runs the school's pages");
        }

        int code = cli.lantern("check", "http://library.example/", "--user", "nnominee", "--data-dir",
                dataDir.toString());

        assertThat(code).isZero();
        assertThat(cli.out.toString()).contains("in group nominated-staff.",
                "Why this group: added to Nominated staff by dsl on ");
    }

    @Test
    void anUnreadableUrlIsAnErrorWithExitCodeTwo() {
        int code = cli.lantern("check", "gopher://old.example/", "--data-dir", dataDir.toString());

        assertThat(code).isEqualTo(2);
        assertThat(cli.err.toString()).contains("UNSUPPORTED_SCHEME");
        assertThat(cli.out.toString()).isEmpty();
    }

    @Test
    void anUnreadableTimeIsAnErrorWithExitCodeTwo() {
        int code = cli.lantern("check", "http://library.example/", "--at", "tuesday", "--data-dir", dataDir.toString());

        assertThat(code).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--at");
    }
}
