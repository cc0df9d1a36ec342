package org.lantern.server.people.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.lantern.server.people.ImportResult;
import org.lantern.server.people.PeopleImporter;
import org.lantern.server.people.Upn;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The people of the demo school, {@value org.lantern.server.LanternProperties#DEMO_SCHOOL_NAME}: a
 * made-up all-through special school, whose policy comes from the Astley Park preset. About 200
 * pupils from Reception to Year 13, 31 staff, 3 governors, with proxy usernames, device IPs and
 * addresses on a made-up domain, all with obviously made-up surnames, plus the people behind the
 * demo accounts (Alex Admin, Dee Lead, Hana Head, Tom Teacher, Gill Governor, Pip Pupil). It is
 * generated from a fixed seed, written as an MIS-style CSV and loaded through
 * {@link PeopleImporter}, so a demo exercises the real import path. Loading twice changes
 * nothing the second time, because every row matches the person the first load created.
 */
@Component
@ConditionalOnProperty(name = "lantern.mode", havingValue = "demo")
public class DemoSchool {

    /** The file name the import history shows. */
    public static final String FILE_NAME = "demo-school.csv";

    private static final long SEED = 20_250_901L;
    private static final int PUPILS_PER_YEAR = 14;
    private static final String[] YEARS = {"R", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"};
    private static final String HEADER = "Type,UPN,Adno,Legal Surname,Legal Forename,Preferred Forename,DOB,Year,Reg,"
            + "Staff Code,Job Title,Role,Start Date,Leaving Date,Proxy Username,Device IP,Email";

    private static final List<String> FIRST_NAMES = List.of(
            "Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Noah", "Mia", "Jack", "Ivy", "Leo", "Lily",
            "Arthur", "Florence", "Muhammad", "Freya", "Oscar", "Emily", "Charlie", "Ella", "Jacob", "Rosie",
            "Thomas", "Sophie", "Henry", "Grace", "William", "Evie", "Alfie", "Poppy", "Archie", "Isabella",
            "Joshua", "Sienna", "Freddie", "Daisy", "Theo", "Alice", "James", "Willow", "Isaac", "Phoebe",
            "Ethan", "Matilda", "Samuel", "Ruby", "Harrison", "Chloe", "Aarav", "Zara", "Ibrahim", "Aisha",
            "Daniel", "Hannah", "Joseph", "Erin", "Max", "Niamh", "Logan", "Megan");
    /**
     * Surnames no real family has, so that no demo record, screenshot or report can be taken for a
     * real child's or colleague's. Sixty of them: the seeded draws depend on how many, and the same
     * draws give each generated pupil the same UPN, so an existing demo database keeps its people.
     */
    private static final List<String> SURNAMES = List.of(
            "Bumblewick", "Puddlecombe", "Fiddlesworth", "Wobblethorpe", "Crumpetson", "Sprocketley", "Dandelyon",
            "Muddlecott", "Quillfeather", "Tumbleweed", "Noodlecroft", "Pebbleford", "Snickleby", "Marmaladew",
            "Flapjackson", "Biscuitworth", "Gigglesby", "Hopscotcher", "Kettleburrow", "Lanternby", "Mopsworth",
            "Nettlebun", "Owlsbury", "Pickleton", "Quibbleford", "Rumbletum", "Sprinklewood", "Teacosy", "Umbrellow",
            "Velvetpaw", "Whistlecomb", "Yarnsworth", "Zigzagg", "Acornby", "Buttonhook", "Cloudberry", "Doodlewick",
            "Elderflower", "Fizzlewit", "Gumdropper", "Hazelnutt", "Inkwell", "Jellibee", "Kazoo", "Lollipopp",
            "Moonbeam", "Nutmegger", "Oddsock", "Pompomme", "Quirkle", "Ripplebrook", "Scribbleton", "Toffeeby",
            "Upsydaisy", "Wafflestone", "Crinklecut", "Dumplingham", "Fumbleford", "Jigsawson", "Sherbetley");

    /** Staff after the fixed demo ones: job title and role. */
    private static final String[][] OTHER_STAFF = {
            {"Deputy Headteacher", "Senior Leadership"}, {"Deputy DSL", "Safeguarding"}, {"SENCo", "Senior Leadership"},
            {"Computing Leader", "Teaching"}, {"School Business Manager", "Support"}, {"School Administrator", "Support"},
            {"ICT Support Technician", "Support"}, {"Site Manager", "Support"},
            {"Class Teacher", "Teaching"}, {"Class Teacher", "Teaching"}, {"Class Teacher", "Teaching"},
            {"Class Teacher", "Teaching"}, {"Class Teacher", "Teaching"}, {"Class Teacher", "Teaching"},
            {"Class Teacher", "Teaching"}, {"Class Teacher", "Teaching"}, {"Class Teacher", "Teaching"},
            {"Class Teacher", "Teaching"}, {"Teaching Assistant", "Support"}, {"Teaching Assistant", "Support"},
            {"Teaching Assistant", "Support"}, {"Teaching Assistant", "Support"}, {"Teaching Assistant", "Support"},
            {"Teaching Assistant", "Support"}, {"Teaching Assistant", "Support"}, {"Teaching Assistant", "Support"}};

    private final PeopleImporter importer;
    private final JdbcClient jdbc;

    DemoSchool(PeopleImporter importer, JdbcClient jdbc) {
        this.importer = importer;
        this.jdbc = jdbc;
    }

    /**
     * Loads the demo school unless an earlier start did: a restart of the demo adds no row to the
     * import history, which would otherwise grow by one on every start.
     *
     * @return the import, or empty when the demo school was imported before
     */
    public Optional<ImportResult> loadOnce(String actor) {
        boolean imported = jdbc.sql("SELECT COUNT(*) FROM people_import WHERE file_name = :file")
                .param("file", FILE_NAME).query(Long.class).single() > 0;
        return imported ? Optional.empty() : Optional.of(load(actor));
    }

    /** Loads the demo school through the MIS import, attributed to {@code actor}; safe to call on every start. */
    public ImportResult load(String actor) {
        return importer.apply(csv().getBytes(StandardCharsets.UTF_8), FILE_NAME, false, false, actor);
    }

    /** The demo school as an MIS export; the same text on every call. */
    public static String csv() {
        Generator g = new Generator(new Random(SEED));
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        g.staff(csv, "Hana", "Head", "Headteacher", "Senior Leadership", "head");
        g.staff(csv, "Dee", "Lead", "Designated Safeguarding Lead", "Safeguarding", "dsl");
        g.staff(csv, "Alex", "Admin", "Network Manager", "Support", "admin");
        g.staff(csv, "Tom", "Teacher", "Class Teacher", "Teaching", "teacher");
        for (String[] job : OTHER_STAFF) {
            g.staff(csv, g.firstName(), g.surname(), job[0], job[1], null);
        }
        g.governor(csv, "Gill", "Governor", "Chair of Governors", "governor");
        g.governor(csv, g.firstName(), g.surname(), "Safeguarding Governor", null);
        g.governor(csv, g.firstName(), g.surname(), "Parent Governor", null);
        for (int y = 0; y < YEARS.length; y++) {
            for (int i = 0; i < PUPILS_PER_YEAR; i++) {
                g.pupil(csv, y, g.firstName(), g.surname(), null);
            }
        }
        g.pupil(csv, 6, "Pip", "Pupil", "pupil");
        // Last, so the names drawn for everyone above stay as they were before the office had an account.
        g.staff(csv, "Olive", "Office", "School Office Manager", "Support", "office");
        return csv.toString();
    }

    /** Draws names and numbers in a fixed order, keeping usernames and IPs unique. */
    private static final class Generator {
        private final Random random;
        private final Set<String> usernames = new HashSet<>();
        private int staffNumber;
        private int pupilNumber;

        Generator(Random random) {
            this.random = random;
        }

        String firstName() {
            return FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size()));
        }

        String surname() {
            return SURNAMES.get(random.nextInt(SURNAMES.size()));
        }

        void staff(StringBuilder csv, String first, String last, String jobTitle, String role, String username) {
            staffNumber++;
            String proxy = username != null ? claim(username) : username(first, last);
            LocalDate start = LocalDate.of(2010 + random.nextInt(15), 9, 1);
            String email = (first + "." + last).toLowerCase(Locale.ROOT) + staffNumber + "@lantern-demo.example";
            row(csv, "Staff", "", "", last, first, "", "", "", "", String.format("ST%03d", staffNumber), jobTitle, role,
                    start.toString(), leavingDate(jobTitle), proxy, "10.20.1." + (10 + staffNumber), email);
        }

        void governor(StringBuilder csv, String first, String last, String role, String username) {
            String proxy = username != null ? claim(username) : username(first, last);
            row(csv, "Governor", "", "", last, first, "", "", "", "", "", "Governor", role, "2022-09-01", "", proxy, "", "");
        }

        void pupil(StringBuilder csv, int yearIndex, String first, String last, String username) {
            pupilNumber++;
            int birthYear = 2020 - yearIndex;
            LocalDate dob = LocalDate.of(birthYear, 9, 1).plusDays(random.nextInt(365));
            int entryYear = Math.min(2024, birthYear + 4 + random.nextInt(Math.max(1, yearIndex + 1)));
            String body = String.format("%03d%04d%02d%03d", 888, 7045, entryYear % 100, pupilNumber);
            String upn = Upn.checkLetter(body) + body;
            String proxy = username != null ? claim(username) : username(first, last);
            String year = YEARS[yearIndex];
            String reg = year + (pupilNumber % 2 == 0 ? "A" : "B");
            String leaving = yearIndex == 13 && pupilNumber % PUPILS_PER_YEAR == 0 ? "18/07/2025" : "";
            row(csv, "Pupil", upn, String.format("%06d", 1000 + pupilNumber), last, first,
                    random.nextInt(10) == 0 ? FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size())) : "",
                    String.format("%02d/%02d/%04d", dob.getDayOfMonth(), dob.getMonthValue(), dob.getYear()),
                    year, reg, "", "", "", LocalDate.of(entryYear, 9, 1).toString(), leaving, proxy,
                    "10.20." + (10 + yearIndex) + "." + (10 + pupilNumber % 200), "");
        }

        /** One Teaching Assistant left last summer, so the register shows a leaver. */
        private String leavingDate(String jobTitle) {
            return jobTitle.equals("Teaching Assistant") && staffNumber == OTHER_STAFF.length + 4 ? "2025-07-18" : "";
        }

        private String username(String first, String last) {
            String base = (first.charAt(0) + last).toLowerCase(Locale.ROOT);
            String candidate = base + (10 + random.nextInt(90));
            while (!usernames.add(candidate)) {
                candidate = base + (10 + random.nextInt(90));
            }
            return candidate;
        }

        private String claim(String username) {
            usernames.add(username);
            return username;
        }

        private static void row(StringBuilder csv, String... cells) {
            List<String> quoted = new ArrayList<>();
            for (String cell : cells) {
                quoted.add(cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
            }
            csv.append(String.join(",", quoted)).append("\r\n");
        }
    }
}
