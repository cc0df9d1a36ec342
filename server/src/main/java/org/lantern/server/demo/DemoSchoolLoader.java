package org.lantern.server.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.lantern.server.ConsoleNotice;
import org.lantern.server.LanternProperties;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.identity.password.Passwords;
import org.lantern.server.people.People;
import org.lantern.server.people.demo.DemoSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.env.Environment;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo school, {@value LanternProperties#DEMO_SCHOOL_NAME}, when Lantern runs in demo
 * mode ({@code ./lantern demo}): its made-up name kept ({@link DemoSchoolName}), the generated
 * pupils, staff and governors through the real MIS import, one account per role linked to its
 * person, and a made-up term of records ({@link DemoRecords}). Each account's password is generated
 * to satisfy the password policy and printed once, when the account is created; a restart keeps the
 * data, prints no password again and adds no records. The notice opens with the address to sign in
 * at and is set apart from the log by blank lines, since it is what a newcomer looks for.
 *
 * <p>Only the server loads the demo: the command-line tools ({@code lantern check}, {@code token},
 * {@code audit}) open the same database without a web server and must find it as the demo left it.
 */
@Component
@ConditionalOnProperty(name = "lantern.mode", havingValue = "demo")
@ConditionalOnWebApplication
@Order(100)
class DemoSchoolLoader implements ApplicationRunner {

    static final String ACTOR = "demo";
    /** What the notices call the demo school: its made-up name, and where its policy comes from. */
    private static final String TITLE = LanternProperties.DEMO_SCHOOL_NAME + ", a made-up school on the Astley Park policy preset";

    /** The demo accounts: one per role, each matching a person of the demo school by proxy username. */
    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("admin", "Alex Admin", Role.ADMIN),
            new DemoAccount("dsl", "Dee Lead", Role.DSL),
            new DemoAccount("head", "Hana Head", Role.HEADTEACHER),
            new DemoAccount("teacher", "Tom Teacher", Role.STAFF),
            new DemoAccount("governor", "Gill Governor", Role.GOVERNOR),
            new DemoAccount("pupil", "Pip Pupil", Role.PUPIL),
            new DemoAccount("office", "Olive Office", Role.OFFICE));

    private final DemoSchool school;
    private final DemoSchoolName schoolName;
    private final People people;
    private final AccountService accountService;
    private final Accounts accounts;
    private final Passwords passwords;
    private final DemoRecords records;
    private final PrintStream console;
    private final String dataDir;
    private final Environment environment;

    @Autowired
    DemoSchoolLoader(DemoSchool school, DemoSchoolName schoolName, People people, AccountService accountService,
                     Accounts accounts, Passwords passwords, DemoRecords records,
                     @Value("${lantern.data-dir}") String dataDir, Environment environment) {
        this(school, schoolName, people, accountService, accounts, passwords, records, System.out, dataDir, environment);
    }

    DemoSchoolLoader(DemoSchool school, DemoSchoolName schoolName, People people, AccountService accountService,
                     Accounts accounts, Passwords passwords, DemoRecords records, PrintStream console, String dataDir,
                     Environment environment) {
        this.dataDir = dataDir;
        this.environment = environment;
        this.school = school;
        this.schoolName = schoolName;
        this.people = people;
        this.accountService = accountService;
        this.accounts = accounts;
        this.passwords = passwords;
        this.records = records;
        this.console = console;
    }

    /** An account the demo creates. */
    record DemoAccount(String username, String displayName, Role role) {
    }

    @Override
    public void run(ApplicationArguments args) {
        schoolName.renameIfReal();
        school.loadOnce(ACTOR);
        List<String> created = new ArrayList<>();
        for (DemoAccount demo : ACCOUNTS) {
            if (accounts.idOf(demo.username()).isPresent()) {
                continue;
            }
            String password = passwords.generateFor(demo.username(), demo.displayName());
            long id = accountService.create(demo.username(), demo.displayName(), demo.role(), password, ACTOR);
            if (demo.role().twoFactorRequiredByDefault()) {
                // A demo is tried without an authenticator app; a real installation keeps the requirement.
                accountService.setTwoFactorExempt(id, true, ACTOR, "demo school: try Lantern without an authenticator app");
            }
            people.findByProxyUsername(demo.username()).ifPresent(person -> people.linkAccount(person.id(), id));
            created.add(String.format("%-9s %-36s %s", demo.username(), demo.role().title(), password));
        }
        int incidents = records.seedOnce();
        announce(created, incidents);
    }

    /** Where to sign in: the public address when one is set, else this machine and the port the server took. */
    private String signInAddress() {
        String publicUrl = environment.getProperty("lantern.public-url", "").strip();
        if (!publicUrl.isEmpty()) {
            return publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
        }
        return "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080")) + "/";
    }

    private void announce(List<String> created, int incidents) {
        String open = "Lantern is running: open " + signInAddress() + " and sign in.";
        List<String> seeded = incidents == 0 ? List.of() : List.of("",
                "The school has a made-up term of records to explore: " + incidents + " incidents,",
                "alerts, bypass attempts, a term of web activity, data breaches and a subject access request.");
        if (created.isEmpty()) {
            List<String> lines = new ArrayList<>(List.of(open, "",
                    TITLE + ", loaded from " + dataDir + ".",
                    "The demo accounts' passwords were printed when they were created.",
                    "To start afresh, stop Lantern and delete the data directory."));
            lines.addAll(seeded);
            print(lines);
            return;
        }
        List<String> lines = new ArrayList<>(List.of(open, "",
                TITLE + ": demo accounts",
                "",
                String.format("%-9s %-36s %s", "username", "role", "password")));
        lines.addAll(created);
        lines.addAll(List.of("",
                "Passwords are shown only this once. Two-factor sign-in is",
                "not enforced for these demo accounts (it is in production)."));
        lines.addAll(seeded);
        print(lines);
    }

    /** The notice with a blank line either side, so it stands out from the log lines around it. */
    private void print(List<String> lines) {
        console.println();
        ConsoleNotice.print(console, lines);
        console.println();
        console.flush();
    }
}
