package org.lantern.server.demo;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.lantern.server.demo.DemoIncidents.Added;
import org.lantern.server.demo.DemoIncidents.Investigated;
import org.lantern.server.demo.DemoIncidents.Outcome;
import org.lantern.server.demo.DemoIncidents.Planned;
import org.lantern.server.incidents.ConcernReports;
import org.lantern.server.incidents.IncidentType;
import org.lantern.server.incidents.NewIncident;
import org.lantern.server.incidents.PersonRole;
import org.lantern.server.incidents.RecordKind;
import org.lantern.server.incidents.SubjectType;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.people.Person;
import org.lantern.server.people.YearGroup;
import org.lantern.server.reports.SchoolYear;

/**
 * The demo school's incidents over this school year so far and the last one: a handful of stories
 * that show each part of Lantern (the illegal-material path, a child-protection disclosure with an
 * overdue action, a waived sanction, a decision not to refer, a continued infringement, staff
 * conduct and a data breach), and around thirty everyday incidents spread across both years.
 * Every name is the demo directory's; the words name nobody and every address is under
 * {@code .example}, so nothing can be mistaken for a real school's records.
 *
 * <p>The plan is made before anything is recorded, drawing on the fixed-seed random numbers in a
 * fixed order, with every time relative to the seeding, so each first start tells the same story,
 * dated back from its own day.
 */
final class DemoTerm {

    private static final int LAST_YEAR_INCIDENTS = 16;
    private static final int THIS_YEAR_INCIDENTS = 14;
    private static final int THIS_WEEK_INCIDENTS = 3;

    /** An everyday incident the background is drawn from. */
    private record Scenario(String categoryId, RecordKind kind, int pupils, String location, String description,
                            String childWords, List<String> links) {

        static Scenario behaviour(String categoryId, String location, String description, String... links) {
            return new Scenario(categoryId, RecordKind.BEHAVIOUR, 1, location, description, null, List.of(links));
        }
    }

    private static final List<Scenario> EVERYDAY = List.of(
            Scenario.behaviour("non-educational-sites-in-lessons", "Computing suite",
                    "Watched music videos in a computing lesson after being asked twice to get back to the task."),
            Scenario.behaviour("non-educational-sites-in-lessons", "Science lab",
                    "Was browsing a trainers shop on a school laptop during a science lesson."),
            Scenario.behaviour("non-educational-sites-in-lessons", "Classroom",
                    "Was playing a browser game instead of the set task; the teacher saw it on the classroom "
                            + "monitoring screen.", "https://racing-game.example/play"),
            Scenario.behaviour("mobile-device-misuse", "Corridor",
                    "Filmed another pupil in the corridor on a phone without their agreement. The clip was deleted in "
                            + "front of a member of staff and the phone kept in the office until home time."),
            Scenario.behaviour("mobile-device-misuse", "Hall",
                    "Used a phone to look up answers during a practice exam."),
            Scenario.behaviour("social-media-misuse", "At home; reported in school",
                    "Set up a social media account in the class's name and posted photos of classmates without "
                            + "asking them."),
            Scenario.behaviour("social-media-misuse", "Classroom",
                    "Was messaging friends on a messaging app on a school tablet during lessons."),
            Scenario.behaviour("unauthorised-downloading", "Library computers",
                    "Downloaded a game installer from a file-sharing site onto a school laptop; the laptop's "
                            + "protection stopped it running.", "https://free-games-download.example/setup.exe"),
            new Scenario("sharing-credentials", RecordKind.BEHAVIOUR, 2, "Computing suite",
                    "Told a friend their network password so the friend could print; the network manager reset both "
                            + "passwords.", null, List.of()),
            Scenario.behaviour("using-another-pupils-account", "Computing suite",
                    "Signed in as another pupil, whose password they had seen over their shoulder, and changed that "
                            + "pupil's desktop background."),
            Scenario.behaviour("corrupting-data", "Computing suite",
                    "Deleted another pupil's coursework files from the shared drive. The network manager restored "
                            + "them from the overnight backup."),
            Scenario.behaviour("offensive-messages", "Class group chat",
                    "Posted unkind comments about another pupil's appearance in a class group chat on a school tablet."),
            Scenario.behaviour("offensive-messages", "Shared document",
                    "Wrote a racist insult about another pupil in the comments of a shared class document."),
            Scenario.behaviour("using-proxy-sites", "Library computers",
                    "Used a VPN app on a school laptop to reach blocked social media.", "https://free-vpn.example/"),
            Scenario.behaviour("using-proxy-sites", "Computing suite",
                    "Tried a list of web proxy sites to reach blocked games sites; the filter blocked and recorded "
                            + "each attempt.", "https://unblock-anything.example/"),
            Scenario.behaviour("accidental-access-not-reported", "Library computers",
                    "Saw an explicit pop-up advert on a film-streaming site and showed friends instead of telling a "
                            + "member of staff."),
            Scenario.behaviour("deliberate-offensive-access", "Classroom",
                    "Searched for pornographic images on a school laptop; the filter blocked the pages and another "
                            + "pupil told the teacher."),
            Scenario.behaviour("copyright-data-protection", "Class group chat",
                    "Shared a paid-for e-book, copied from a piracy site, with the class group chat."),
            Scenario.behaviour("bringing-school-into-disrepute", "Online",
                    "Posted a photo of a supply teacher online with an unkind caption."),
            new Scenario("social-media-misuse", RecordKind.CHILD_PROTECTION, 1, "Told their form tutor",
                    "Has been talking on a social media app to someone they have never met, who asked for their home "
                            + "address and which bus they take.",
                    "She said she was a talent scout and I could be in adverts.", List.of()),
            new Scenario("offensive-messages", RecordKind.CHILD_PROTECTION, 1, "Told a teaching assistant",
                    "Is being sent unkind messages about their family by older pupils on a messaging app and has "
                            + "stopped eating lunch with friends.",
                    "I don't want to look at my phone any more.", List.of()));

    /**
     * A pupil's own report of a concern.
     *
     * @param report   what they wrote
     * @param at       when
     * @param referral what became of the referral to the DSL it creates
     */
    record PupilReport(ConcernReports.Report report, OffsetDateTime at, Outcome referral) {
    }

    private final DemoCast cast;
    private final DemoCalendar calendar;
    private final Random random;
    private final List<Planned> incidents = new ArrayList<>();

    private Person illegalContentPupil;
    private OffsetDateTime illegalContentAt;
    private Person continuedInfringementPupil;

    private DemoTerm(DemoCast cast, DemoCalendar calendar, Random random) {
        this.cast = cast;
        this.calendar = calendar;
        this.random = random;
    }

    /** Plans the term: the stories first, then the everyday incidents, each from the same random numbers. */
    static DemoTerm plan(DemoCast cast, DemoCalendar calendar, Random random) {
        DemoTerm term = new DemoTerm(cast, calendar, random);
        term.illegalMaterial();
        term.disclosureWithAnOverdueAction();
        term.bulliedPupil();
        term.decisionNotToRefer();
        term.continuedInfringement();
        term.staffConduct();
        term.everyday();
        term.incidents.sort(Comparator.comparing(p -> p.incident().occurredAt()));
        return term;
    }

    /** Every incident, oldest first, so escalation sees a pupil's earlier incidents before their later ones. */
    List<Planned> incidents() {
        return List.copyOf(incidents);
    }

    /** Pip Pupil's own report of a concern, made signed in three school days ago, and how the DSL answered it. */
    PupilReport pupilReport() {
        return new PupilReport(new ConcernReports.Report("Someone in a game keeps asking me to send photos of myself "
                + "and says I will get free skins if I do.", "Game chat, at home", null, null, false, null),
                calendar.daysAgo(3, 12, 50), Outcome.done("The DSL spoke with the pupil and phoned home; the game "
                        + "account was blocked and reported."));
    }

    /** The pupil whose request hit the illegal-content list, which the DSL then recorded as an incident. */
    Person illegalContentPupil() {
        return illegalContentPupil;
    }

    /** When that request was made. */
    OffsetDateTime illegalContentAt() {
        return illegalContentAt;
    }

    /** The pupil with a continued infringement, who also tries to get round the filter and whose parent asks for their data. */
    Person continuedInfringementPupil() {
        return continuedInfringementPupil;
    }

    /** A Key Stage 4 pupil's request for an address on the terrorism list, alerted, recorded and investigated. */
    private void illegalMaterial() {
        illegalContentPupil = cast.pupil(YearGroup.Y10, YearGroup.Y11);
        illegalContentAt = calendar.daysAgo(12, 11, 20);
        add(new Planned(pupil(illegalContentPupil, "accessing-illegal-material", illegalContentAt, "ICT suite",
                "The filter blocked an address on the terrorism-content list, asked for from this pupil's account, "
                        + "and alerted the DSL. Nobody has opened the address. The laptop was taken out of use and "
                        + "kept in the DSL's office.",
                null, List.of(DemoLists.ILLEGAL_CONTENT_URL), RecordKind.CHILD_PROTECTION, true),
                cast.dsl(), calendar.later(illegalContentAt, 40, 60),
                Map.of("refer-to-police", Outcome.done("Reported to the police's counter-terrorism referral line "
                                + "without opening the address; their reference is on the case file."),
                        "remove-network-access", Outcome.done("Internet access removed while the investigation ran."),
                        "targeted-support", Outcome.done("Sessions with the pastoral lead on extremist content online "
                                + "and how it draws people in."),
                        "further-sanction", Outcome.waived("No further sanction: the pupil followed a link out of "
                                + "curiosity, did not share it, and is getting support.")),
                List.of(),
                new Investigated("DSL office PC (offline, kept for safeguarding work)",
                        "Senior staff reviewed the filter record without opening the address. The pupil followed a "
                                + "link shared in an online game chat. Referred to the police and to the local Prevent "
                                + "lead; no further police action. The chat account was reported to the game.")));
    }

    /**
     * A pupil tells a teaching assistant about an adult in an online game: a concern about grooming,
     * with support and referrals and no sanction; the support the DSL promised is overdue.
     */
    private void disclosureWithAnOverdueAction() {
        Person pupil = cast.pupil(YearGroup.Y7, YearGroup.Y8);
        OffsetDateTime at = calendar.daysAgo(9, 10, 5);
        add(new Planned(new NewIncident(IncidentType.CONCERN, null, "grooming", null,
                List.of(new NewIncident.Involved(pupil.id(), PersonRole.AT_RISK)), at, "Form room",
                "Told a teaching assistant that an adult they met in an online game has been asking them to move to "
                        + "a private messaging app and to keep their chats secret.",
                "He says he's fifteen but he talks like a grown-up. He said not to tell anyone because we're best "
                        + "friends.", List.of(), RecordKind.CHILD_PROTECTION, false),
                cast.teacher(), calendar.later(at, 15, 30),
                Map.of("refer-to-dsl", Outcome.done("The DSL spoke with the pupil."),
                        "preserve-evidence", Outcome.done("The parent kept screenshots of the chats and the "
                                + "account's name; nothing was copied at school."),
                        "refer-to-police", Outcome.done("Reported to CEOP; their reference is on the case file."),
                        "inform-parents", Outcome.done("Parent met the DSL."),
                        "support-plan", Outcome.stillOpen()),
                List.of(), null));
    }

    /**
     * A pupil bullied online by another: a concern that supports the child bullied, with the
     * sanctions row applied to the child who bullied, never to the child at risk.
     */
    private void bulliedPupil() {
        Person pupil = cast.pupil(YearGroup.Y8, YearGroup.Y9);
        Person bully = cast.pupil(YearGroup.Y8, YearGroup.Y9);
        OffsetDateTime at = calendar.daysAgo(20, 14, 40);
        add(new Planned(new NewIncident(IncidentType.CONCERN, null, "cyberbullying", "offensive-messages",
                List.of(new NewIncident.Involved(pupil.id(), PersonRole.AT_RISK),
                        new NewIncident.Involved(bully.id(), PersonRole.MISUSER)), at, "Pastoral office",
                "Has been sent messages of a bullying nature by another pupil over three weeks, some late at night, "
                        + "and is now reluctant to come to school.",
                "They keep adding me to groups just to say horrible things and then they take me out again.",
                List.of(), RecordKind.CHILD_PROTECTION, false),
                cast.dsl(), calendar.later(at, 40, 90),
                Map.of("report-to-platform", Outcome.done("The group chats were reported to the platform with the "
                        + "pupil, and taken down.")),
                List.of(), null));
    }

    /** A first, minor incident the DSL decides not to refer to the headteacher, and records why. */
    private void decisionNotToRefer() {
        Person pupil = cast.pupil(YearGroup.Y9, YearGroup.Y10);
        OffsetDateTime at = calendar.daysAgo(45, 13, 15);
        add(new Planned(pupil(pupil, "bringing-school-into-disrepute", at, "Geography classroom",
                "Filmed part of a lesson on a phone and posted it publicly with mocking captions. The post was taken "
                        + "down within the hour.", null, List.of(), RecordKind.BEHAVIOUR, false),
                cast.teacher(), calendar.later(at, 60, 150),
                Map.of("refer-to-headteacher", Outcome.notReferred("Decided not to refer: a first, minor incident. The "
                        + "post came down within the hour and the pupil apologised to the teacher; the DSL dealt with "
                        + "it with the parents.")),
                List.of(), null));
    }

    /** A pupil who games in lessons, then uses a proxy site within the month: a continued infringement. */
    private void continuedInfringement() {
        continuedInfringementPupil = cast.pupil(YearGroup.Y9);
        OffsetDateTime first = calendar.daysAgo(31, 9, 40);
        add(new Planned(pupil(continuedInfringementPupil, "non-educational-sites-in-lessons", first, "Maths classroom",
                "Was playing an online game in a second browser tab during a maths lesson instead of the set task; "
                        + "the teacher saw it on the classroom monitoring screen.", null,
                List.of("https://racing-game.example/play"), RecordKind.BEHAVIOUR, false),
                cast.teacher(), calendar.later(first, 20, 60)));
        OffsetDateTime second = calendar.daysAgo(17, 12, 35);
        add(new Planned(pupil(continuedInfringementPupil, "using-proxy-sites", second, "Library computers",
                "Used a web proxy site at lunchtime to reach blocked games sites; the bypass-attempt report showed the "
                        + "attempts.", null, List.of("https://unblock-anything.example/"), RecordKind.BEHAVIOUR, false),
                cast.teacher(), calendar.later(second, 30, 90)));
    }

    /** Staff: a mis-sent email (the breach in its 72 hours), a lost USB stick (the reported breach), and two more. */
    private void staffConduct() {
        OffsetDateTime email = DemoDataProtection.misSentEmailAt(calendar);
        add(new Planned(staff(cast.staff(), "careless-personal-data", email, "Email, sent from home",
                "Emailed a spreadsheet of one class's names and reading ages to a parent by mistake: the email "
                        + "program filled in the wrong address. The parent has confirmed they deleted it.",
                RecordKind.BEHAVIOUR), cast.head(), DemoDataProtection.misSentEmailKnownAt(calendar).plusMinutes(40)));
        OffsetDateTime usb = DemoDataProtection.lostUsbStickAt(calendar);
        add(new Planned(staff(cast.staff(), "careless-personal-data", usb, "On the way home",
                "Lost an unencrypted USB memory stick holding a spreadsheet of pupils' support plans.",
                RecordKind.BEHAVIOUR), cast.head(), DemoDataProtection.lostUsbStickKnownAt(calendar).plusMinutes(30)));
        SchoolYear lastYear = calendar.lastYear();
        OffsetDateTime messages = calendar.schoolTimeBetween(lastYear.start().plusDays(180), lastYear.start().plusDays(200));
        add(new Planned(staff(cast.staff(), "personal-channels-with-pupils", messages, "Reported by a parent",
                "A parent showed the school messages between this member of staff and a Year 11 pupil about "
                        + "coursework, sent through the staff member's personal social media account.",
                RecordKind.CHILD_PROTECTION), cast.dsl(), calendar.later(messages, 60, 180), Map.of(),
                List.of(new Added("refer-to-la-hr", "Contact with a pupil through a personal account: the LADO was "
                        + "consulted, as KCSIE expects.", Outcome.done("LADO consulted: the threshold was not met. "
                        + "Dealt with by the school as a conduct matter, with training on the staff code of conduct."))),
                null));
        OffsetDateTime vpn = calendar.schoolTimeBetween(lastYear.start().plusDays(60), lastYear.start().plusDays(90));
        add(new Planned(staff(cast.staff(), "using-proxy-sites", vpn, "Staff room",
                "Installed a VPN browser extension on a school laptop to watch a streaming service at lunchtime.",
                RecordKind.BEHAVIOUR), cast.head(), calendar.later(vpn, 60, 240)));
    }

    /** Everyday incidents: last year's, this year's before this week, and this week's. */
    private void everyday() {
        SchoolYear thisYear = calendar.currentYear();
        SchoolYear lastYear = calendar.lastYear();
        everyday(calendar.spread(lastYear.start().plusDays(2), lastYear.end().minusDays(42), LAST_YEAR_INCIDENTS));
        OffsetDateTime beforeThisWeek = calendar.now().minusDays(7);
        // Early in September there is no "before this week" yet: the year's incidents go in its few days.
        OffsetDateTime end = Duration.between(thisYear.start(), beforeThisWeek).toDays() < 14 ? calendar.now() : beforeThisWeek;
        everyday(calendar.spread(thisYear.start(), end, THIS_YEAR_INCIDENTS));
        everyday(calendar.spread(calendar.now().minusDays(6), calendar.now().minusHours(3), THIS_WEEK_INCIDENTS));
    }

    private void everyday(List<OffsetDateTime> times) {
        for (OffsetDateTime at : times) {
            Scenario s = EVERYDAY.get(random.nextInt(EVERYDAY.size()));
            List<Long> pupils = new ArrayList<>();
            while (pupils.size() < s.pupils()) {
                long id = cast.backgroundPupil().id();
                if (!pupils.contains(id)) {
                    pupils.add(id);
                }
            }
            Viewer recorder = random.nextInt(5) == 0 ? cast.head() : cast.teacher();
            add(new Planned(new NewIncident(SubjectType.PUPIL, s.categoryId(), pupils, at, s.location(), s.description(),
                    s.childWords(), s.links(), s.kind(), false), recorder, calendar.later(at, 15, 180)));
        }
    }

    private void add(Planned planned) {
        incidents.add(planned);
    }

    private static NewIncident pupil(Person pupil, String categoryId, OffsetDateTime at, String location,
                                     String description, String childWords, List<String> links, RecordKind kind,
                                     boolean suspectedIllegal) {
        return new NewIncident(SubjectType.PUPIL, categoryId, List.of(pupil.id()), at, location, description, childWords,
                links, kind, suspectedIllegal);
    }

    private static NewIncident staff(Person member, String categoryId, OffsetDateTime at, String location,
                                     String description, RecordKind kind) {
        return new NewIncident(SubjectType.STAFF, categoryId, List.of(member.id()), at, location, description, null,
                List.of(), kind, false);
    }
}
