package org.lantern.server.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Permission;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.lantern.server.people.PersonKind;
import org.lantern.server.people.YearGroup;

/**
 * Who the demo school's records are about and who recorded them: pupils and staff drawn from the
 * demo directory with the fixed seed, the demo pupil (Pip Pupil) for a pupil's own report, and the
 * demo staff accounts. Each story takes people not yet used, so one pupil's chronology tells one
 * story; the background incidents share a small pool, so some pupils come up more than once, as
 * they do in a real school.
 */
final class DemoCast {

    /** Pupils old enough to be online unsupervised, who are most of a school's online-safety records. */
    private static final Set<YearGroup> ONLINE_YEARS = EnumSet.of(YearGroup.Y5, YearGroup.Y6, YearGroup.Y7, YearGroup.Y8,
            YearGroup.Y9, YearGroup.Y10, YearGroup.Y11, YearGroup.Y12, YearGroup.Y13);
    private static final int BACKGROUND_PUPILS = 14;

    private final Random random;
    private final List<Person> unusedPupils;
    private final List<Person> unusedStaff;
    private final List<Person> background = new ArrayList<>();
    private final Person demoPupil;
    private final Viewer demoPupilAccount;
    private final Viewer teacher;
    private final Viewer dsl;
    private final Viewer head;

    private DemoCast(Random random, List<Person> pupils, List<Person> staff, Person demoPupil, Viewer demoPupilAccount,
                     Viewer teacher, Viewer dsl, Viewer head) {
        this.random = random;
        this.unusedPupils = new ArrayList<>(pupils);
        this.unusedStaff = new ArrayList<>(staff);
        this.demoPupil = demoPupil;
        this.demoPupilAccount = demoPupilAccount;
        this.teacher = teacher;
        this.dsl = dsl;
        this.head = head;
    }

    /** The cast from the demo school's directory and accounts, as loaded by {@link DemoSchoolLoader}. */
    static DemoCast of(People people, Accounts accounts, Random random, LocalDate today) {
        List<String> demoUsernames = DemoSchoolLoader.ACCOUNTS.stream().map(DemoSchoolLoader.DemoAccount::username).toList();
        List<Person> pupils = people.list(PersonKind.PUPIL).stream()
                .filter(p -> !p.hasLeft(today) && ONLINE_YEARS.contains(p.yearGroup()) && p.proxyUsername() != null
                        && !demoUsernames.contains(p.proxyUsername()))
                .sorted(Comparator.comparingLong(Person::id)).toList();
        List<Person> staff = people.list(PersonKind.STAFF).stream()
                .filter(p -> !p.hasLeft(today) && p.accountId() == null && !demoUsernames.contains(p.proxyUsername())
                        && List.of("Class Teacher", "Teaching Assistant").contains(p.jobTitle()))
                .sorted(Comparator.comparingLong(Person::id)).toList();
        Person pip = people.findByProxyUsername("pupil")
                .orElseThrow(() -> new IllegalStateException("the demo school has no demo pupil"));
        return new DemoCast(random, pupils, staff, pip, viewer(accounts, "pupil", Role.PUPIL),
                viewer(accounts, "teacher", Role.STAFF),
                viewer(accounts, "dsl", Role.DSL), viewer(accounts, "head", Role.HEADTEACHER));
    }

    private static Viewer viewer(Accounts accounts, String username, Role role) {
        long id = accounts.idOf(username)
                .orElseThrow(() -> new IllegalStateException("the demo account " + username + " is missing"));
        return new Viewer(id, username, role.permissions().contains(Permission.INCIDENT_READ_ALL),
                role.permissions().contains(Permission.CHILD_PROTECTION_READ));
    }

    /** A pupil of one of these year groups not in any story yet. */
    Person pupil(YearGroup... years) {
        List<YearGroup> wanted = List.of(years);
        List<Person> candidates = unusedPupils.stream().filter(p -> wanted.contains(p.yearGroup())).toList();
        Person chosen = candidates.get(random.nextInt(candidates.size()));
        unusedPupils.remove(chosen);
        return chosen;
    }

    /** A pupil of the shared pool the background incidents are about. */
    Person backgroundPupil() {
        if (background.isEmpty()) {
            for (int i = 0; i < BACKGROUND_PUPILS; i++) {
                Person p = unusedPupils.get(random.nextInt(unusedPupils.size()));
                unusedPupils.remove(p);
                background.add(p);
            }
        }
        return background.get(random.nextInt(background.size()));
    }

    /** A member of teaching staff not in any story yet. */
    Person staff() {
        return unusedStaff.remove(random.nextInt(unusedStaff.size()));
    }

    /** Pip Pupil, who makes a pupil's own report. */
    Person demoPupil() {
        return demoPupil;
    }

    /** Pip Pupil's account, signed in to make the report. */
    Viewer demoPupilAccount() {
        return demoPupilAccount;
    }

    Viewer teacher() {
        return teacher;
    }

    Viewer dsl() {
        return dsl;
    }

    Viewer head() {
        return head;
    }
}
