package org.lantern.server.demo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.lantern.server.LanternProperties;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.password.Passwords;
import org.lantern.server.people.People;
import org.lantern.server.people.demo.DemoSchool;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;

// A property of its own gives this class a context, and so a database, of its own: it needs one with no accounts.
// Demo mode, for the demo beans; the loader Spring would run at start is a mock, so each test runs its own.
@PersistenceTest
@TestPropertySource(properties = {"lantern.test.context=demo-school-loader", "lantern.mode=demo"})
class DemoSchoolLoaderTest {

    @MockitoBean
    DemoSchoolLoader loaderRunAtStart;
    @Autowired
    DemoSchool school;
    @Autowired
    DemoSchoolName schoolName;
    @Autowired
    People people;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    Passwords passwords;
    @Autowired
    DemoRecords records;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private String run() {
        console.reset();
        new DemoSchoolLoader(school, schoolName, people, accountService, accounts, passwords, records,
                new PrintStream(console, true, StandardCharsets.UTF_8), "/srv/lantern-demo",
                new MockEnvironment().withProperty("local.server.port", "18123")).run(null);
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void firstStartCreatesOneAccountPerRoleWithAPrintedPasswordThatSignsIn() {
        String printed = run();

        assertThat(printed).startsWith(System.lineSeparator())
                .contains("Lantern is running: open http://localhost:18123/ and sign in.");
        for (DemoSchoolLoader.DemoAccount demo : DemoSchoolLoader.ACCOUNTS) {
            Matcher line = Pattern.compile("\\| " + demo.username() + " +.+? {2,}(\\S+) +\\|").matcher(printed);
            assertThat(line.find()).as("printed line for %s", demo.username()).isTrue();
            String hash = jdbc.sql("SELECT password_hash FROM account WHERE username = :u")
                    .param("u", demo.username()).query(String.class).single();
            assertThat(encoder.matches(line.group(1), hash)).as("password of %s", demo.username()).isTrue();
            assertThat(passwords.check(demo.username(), demo.displayName(), line.group(1))).isEmpty();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM person WHERE kind = 'PUPIL'").query(Long.class).single())
                .isBetween(150L, 250L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM person WHERE kind = 'STAFF'").query(Long.class).single())
                .isBetween(25L, 40L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM person p JOIN account a ON a.id = p.account_id")
                .query(Long.class).single()).isEqualTo(DemoSchoolLoader.ACCOUNTS.size());
        assertThat(jdbc.sql("SELECT two_factor_exempt FROM account WHERE username = 'dsl'").query(Boolean.class).single())
                .isTrue();

        String restart = run();

        assertThat(restart).contains("Lantern is running: open http://localhost:18123/ and sign in.")
                .contains("passwords were printed when they were created").doesNotContain("password\n")
                .contains("loaded from /srv/lantern-demo.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single())
                .isEqualTo(DemoSchoolLoader.ACCOUNTS.size());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM people_import").query(Long.class).single())
                .as("a restart imports the demo school no second time").isEqualTo(1);
    }

    @Test
    void theNoticeCallsTheDemoSchoolByItsMadeUpNameAndNamesNoRealSchool() {
        String printed = run();

        assertThat(printed).contains(LanternProperties.DEMO_SCHOOL_NAME + ", a made-up school on the Astley Park policy preset")
                .doesNotContain("Astley Park School");
    }
}
