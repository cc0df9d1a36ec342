package org.lantern.server.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.lantern.activity.ActivityRow;
import org.lantern.activity.ActivityStore;
import org.lantern.filter.decision.Decision;
import org.lantern.filter.decision.FilterSnapshot;
import org.lantern.server.filtering.FilterService;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.monitoring.scan.HistoryScan;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.lantern.server.people.PersonKind;
import org.lantern.server.people.YearGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A term of the demo school's web activity in the activity log, so that its search page, timelines,
 * dashboard and reports have something to show: every pupil from Year 3 up and every member of
 * staff browses on each school day of the last twelve weeks, in sessions in school hours, from
 * the device the directory gives them; a few searches lead up to the story's alert and bypass
 * attempts, so "around this moment" shows what came before. Each request is judged by the demo's
 * filter ({@link DemoLists}): the category, action and rule are the policy's.
 *
 * <p>Loading must take seconds, so a site's verdict is worked out once per filter group, weekday
 * and quarter of an hour, the granularity of the policy's time windows, and reused (a person's own
 * unblock is not reflected; the demo has none). Each school day is one batch ({@value #BATCH_PREFIX}, the story and the date), appended
 * exactly once: a restart after a failure part-way adds only the days still missing. Each day's
 * choices come from its own fixed seed, so a day tells the same story whichever days were already
 * stored. The batch ids name the telling of the story ({@link DemoRecords}), so a demo seeded
 * afresh into a store that outlived its database adds its own days.
 */
@Component
@ConditionalOnProperty(name = "lantern.mode", havingValue = "demo")
class DemoActivity {

    static final String BATCH_PREFIX = "demo-activity:";
    /** A term: twelve weeks of school days. */
    static final int SCHOOL_DAYS = 60;
    private static final long SEED = 20_250_902L;
    private static final LocalTime PUPILS_FROM = LocalTime.of(8, 45);
    private static final LocalTime STAFF_FROM = LocalTime.of(7, 45);
    private static final int PUPIL_MINUTES = 390;
    private static final int STAFF_MINUTES = 600;
    private static final Logger LOG = LoggerFactory.getLogger(DemoActivity.class);

    /** A site people visit, how often, and how its address is made. */
    private record Site(String host, String path, int weight, List<String> fill) {

        String url(Random random) {
            String p = fill.isEmpty() ? path : path.replace("{}", fill.get(random.nextInt(fill.size())));
            return "https://" + host + p;
        }
    }

    private static final List<String> TOPICS = List.of("photosynthesis", "the-water-cycle", "world-war-one",
            "fractions", "volcanoes", "the-tudors", "electricity", "romeo-and-juliet", "climate-change", "algebra",
            "the-romans", "plate-tectonics", "french-verbs", "the-human-heart", "persuasive-writing");
    private static final List<String> PUPIL_SEARCHES = List.of("photosynthesis+diagram", "causes+of+ww1",
            "french+past+tense", "volcano+facts+for+homework", "how+to+cite+a+website", "pythagoras+theorem",
            "romeo+and+juliet+act+3+summary", "periodic+table", "what+is+a+simile", "times+tables+game",
            "how+do+plants+make+food", "tudor+houses", "longest+river+in+the+world", "racing+games");
    private static final List<String> STAFF_SEARCHES = List.of("year+9+algebra+worksheet", "ks3+science+practical+ideas",
            "gcse+english+language+paper+1", "safeguarding+training+update", "phonics+activities+year+3");
    private static final List<String> NUMBERS = List.of("101", "214", "305", "342", "417", "508", "611");

    private static final List<Site> PUPIL_SITES = List.of(
            new Site("bitesize.example", "/topics/{}", 20, TOPICS),
            new Site("classroom.example", "/c/{}", 15, NUMBERS),
            new Site("school-vle.example", "/course/{}", 10, NUMBERS),
            new Site("encyclopedia.example", "/wiki/{}", 12, TOPICS),
            new Site("maths-practice.example", "/quiz/{}", 8, NUMBERS),
            new Site("search.example", "/search?q={}", 12, PUPIL_SEARCHES),
            new Site("video-share.example", "/watch?v={}", 8, NUMBERS),
            new Site("times-tables-game.example", "/play", 3, List.of()),
            new Site("racing-game.example", "/play", 3, List.of()),
            new Site("puzzle-games.example", "/", 2, List.of()),
            new Site("social-network.example", "/feed", 3, List.of()),
            new Site("photo-share.example", "/", 2, List.of()),
            new Site("chat-app.example", "/", 2, List.of()),
            new Site("trainers-shop.example", "/sale", 1, List.of()),
            new Site("file-locker.example", "/download/{}", 1, NUMBERS),
            new Site("online-casino.example", "/", 1, List.of()));
    private static final List<Site> STAFF_SITES = List.of(
            new Site("classroom.example", "/c/{}", 20, NUMBERS),
            new Site("school-vle.example", "/course/{}", 15, NUMBERS),
            new Site("mail.example", "/inbox", 20, List.of()),
            new Site("encyclopedia.example", "/wiki/{}", 6, TOPICS),
            new Site("search.example", "/search?q={}", 10, STAFF_SEARCHES),
            new Site("video-share.example", "/watch?v={}", 8, NUMBERS),
            new Site("news.example", "/", 5, List.of()),
            new Site("trainers-shop.example", "/sale", 1, List.of()),
            new Site("social-network.example", "/feed", 1, List.of()));

    /**
     * What a few pupils search for that the safeguarding monitor should notice (school days ago,
     * hour, minute, the search), each by a different pupil of Years 7 to 11 but the first two,
     * which are one pupil's (so they fold into one alert). {@link DemoSafeguarding} triages some.
     */
    static final List<Concern> CONCERNS = List.of(
            new Concern(0, 2, 10, 14, "how+to+cut+myself+without+it+showing"),
            new Concern(0, 2, 10, 19, "self+harm+scars"),
            new Concern(1, 5, 13, 5, "nobody+would+miss+me+if+i+was+gone"),
            new Concern(2, 9, 11, 40, "he+asked+me+to+send+nudes"),
            new Concern(3, 12, 14, 20, "how+to+make+myself+throw+up+after+eating"),
            new Concern(4, 20, 12, 2, "how+to+make+a+bomb"));

    /** One search of {@link #CONCERNS}: the {@code pupil}th pupil of Years 7 to 11 searched for {@code query}. */
    record Concern(int pupil, int daysAgo, int hour, int minute, String query) {
    }

    private final FilterService filter;
    private final People people;
    private final ActivityStore store;
    private final HistoryScan monitor;

    DemoActivity(FilterService filter, People people, ActivityStore store, HistoryScan monitor) {
        this.filter = filter;
        this.people = people;
        this.store = store;
        this.monitor = monitor;
    }

    /**
     * Appends the term's activity up to the calendar's now, the days already stored left as they are.
     *
     * @param story which telling of the story it is, for the batch ids
     * @return the rows appended now
     */
    long seed(DemoTerm term, DemoCalendar calendar, String story) {
        long started = System.nanoTime();
        FilterSnapshot snapshot = DemoLists.snapshot(filter);
        Map<String, Decision> verdicts = new HashMap<>();
        List<Person> pupils = people.list(PersonKind.PUPIL).stream().filter(p -> browses(p, calendar.today())
                && p.yearGroup() != null && p.yearGroup().compareTo(YearGroup.Y3) >= 0).toList();
        List<Person> staff = people.list(PersonKind.STAFF).stream().filter(p -> browses(p, calendar.today())).toList();
        Instant now = calendar.now().toInstant();
        // The filter group is the directory's answer for a person; the policy decides by group and time.
        Map<Long, String> groups = new HashMap<>();
        for (Person person : Stream.concat(pupils.stream(), staff.stream()).toList()) {
            groups.put(person.id(), DemoTraffic.decide(snapshot, "https://classroom.example/", person, calendar.now())
                    .subject().groupId());
        }
        long appended = 0;
        for (LocalDate day : schoolDays(calendar.today())) {
            String batch = batchId(story, day);
            if (store.contains(batch)) {
                continue;
            }
            Random random = new Random(SEED ^ day.toEpochDay());
            List<ActivityRow> rows = new ArrayList<>();
            for (Person pupil : pupils) {
                browse(rows, snapshot, verdicts, pupil, groups.get(pupil.id()), PUPIL_SITES, day.atTime(PUPILS_FROM),
                        PUPIL_MINUTES, random);
            }
            for (Person member : staff) {
                browse(rows, snapshot, verdicts, member, groups.get(member.id()), STAFF_SITES, day.atTime(STAFF_FROM),
                        STAFF_MINUTES, random);
            }
            story(rows, snapshot, term, calendar, day);
            concerns(rows, snapshot, pupils, calendar, day);
            rows.removeIf(r -> r.time().isAfter(now));
            rows.sort(Comparator.comparing(ActivityRow::time));
            if (store.append(batch, rows)) {
                appended += rows.size();
                // Written straight to the store, so scanned here, as ingest would have had them scanned.
                monitor.searches(rows);
            }
        }
        LOG.info("The demo school's activity log: {} requests added in {} ms", appended,
                (System.nanoTime() - started) / 1_000_000);
        return appended;
    }

    /** The batch id of one school day of one telling of the story. */
    static String batchId(String story, LocalDate day) {
        return BATCH_PREFIX + story + ":" + day;
    }

    private static boolean browses(Person p, LocalDate today) {
        return !p.hasLeft(today) && p.proxyUsername() != null && p.internetAccess();
    }

    /** The last {@link #SCHOOL_DAYS} weekdays up to today, oldest first. */
    static List<LocalDate> schoolDays(LocalDate today) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = today; days.size() < SCHOOL_DAYS; d = d.minusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days.reversed();
    }

    /** One person's day: two to four sessions, each a few requests a minute or two apart. */
    private static void browse(List<ActivityRow> rows, FilterSnapshot snapshot, Map<String, Decision> verdicts, Person person,
                        String group, List<Site> sites, LocalDateTime opens, int minutes, Random random) {
        int total = sites.stream().mapToInt(Site::weight).sum();
        int sessions = 2 + random.nextInt(3);
        for (int s = 0; s < sessions; s++) {
            ZonedDateTime at = opens.plusMinutes(random.nextInt(minutes)).atZone(SchoolTime.ZONE);
            int requests = 2 + random.nextInt(6);
            for (int r = 0; r < requests; r++) {
                Site site = pick(sites, total, random);
                String url = site.url(random);
                String key = site.host() + "|" + group + "|" + at.getDayOfWeek() + "|" + (at.getHour() * 4 + at.getMinute() / 15);
                ZonedDateTime when = at;
                Decision verdict = verdicts.computeIfAbsent(key,
                        k -> DemoTraffic.decide(snapshot, "https://" + site.host() + "/", person, when.toOffsetDateTime()));
                rows.add(row(person, at.toInstant(), site.host(), url, verdict, searchTerm(site, url)));
                at = at.plusSeconds(20 + random.nextInt(160));
            }
        }
    }

    private static Site pick(List<Site> sites, int total, Random random) {
        int n = random.nextInt(total);
        for (Site site : sites) {
            n -= site.weight();
            if (n < 0) {
                return site;
            }
        }
        throw new IllegalStateException("weights add up to " + total);
    }

    private static String searchTerm(Site site, String url) {
        int q = url.indexOf("?q=");
        return site.path().contains("?q=") ? url.substring(q + 3).replace('+', ' ') : null;
    }

    /**
     * What leads up to the story's moments, each judged on its own: the searches before the
     * terrorism-list request the DSL was alerted to, and before the continued-infringement pupil's
     * attempts to get round the filter, with those attempts themselves.
     */
    private static void story(List<ActivityRow> rows, FilterSnapshot snapshot, DemoTerm term, DemoCalendar calendar,
                              LocalDate day) {
        Person alerted = term.illegalContentPupil();
        OffsetDateTime alert = term.illegalContentAt();
        if (alerted != null && alert != null && alert.atZoneSameInstant(SchoolTime.ZONE).toLocalDate().equals(day)) {
            judged(rows, snapshot, alerted, alert.minusMinutes(25), "https://search.example/search?q=banned+videos+uncensored");
            judged(rows, snapshot, alerted, alert.minusMinutes(12), "https://search.example/search?q=propaganda+video+download");
            judged(rows, snapshot, alerted, alert, DemoLists.ILLEGAL_CONTENT_URL);
        }
        Person persistent = term.continuedInfringementPupil();
        if (persistent == null) {
            return;
        }
        for (OffsetDateTime attempts : List.of(calendar.daysAgo(17, 12, 31), calendar.daysAgo(1, 12, 30))) {
            if (attempts.atZoneSameInstant(SchoolTime.ZONE).toLocalDate().equals(day)) {
                judged(rows, snapshot, persistent, attempts.minusMinutes(9),
                        "https://search.example/search?q=how+to+get+past+the+school+filter");
                judged(rows, snapshot, persistent, attempts.minusMinutes(4), "https://search.example/search?q=free+vpn+that+works+at+school");
                judged(rows, snapshot, persistent, attempts, "https://free-vpn.example/");
                judged(rows, snapshot, persistent, attempts.plusMinutes(1), "https://unblock-anything.example/browse?u=games.example");
            }
        }
    }

    /** The searches of {@link #CONCERNS} made on {@code day}. */
    private static void concerns(List<ActivityRow> rows, FilterSnapshot snapshot, List<Person> pupils,
                                 DemoCalendar calendar, LocalDate day) {
        List<Person> secondary = pupils.stream().filter(p -> p.yearGroup().compareTo(YearGroup.Y7) >= 0
                && p.yearGroup().compareTo(YearGroup.Y11) <= 0).sorted(Comparator.comparingLong(Person::id)).toList();
        for (Concern c : CONCERNS) {
            OffsetDateTime at = calendar.daysAgo(c.daysAgo(), c.hour(), c.minute());
            if (c.pupil() < secondary.size() && at.atZoneSameInstant(SchoolTime.ZONE).toLocalDate().equals(day)) {
                judged(rows, snapshot, secondary.get(c.pupil()), at, "https://search.example/search?q=" + c.query());
            }
        }
    }

    private static void judged(List<ActivityRow> rows, FilterSnapshot snapshot, Person person, OffsetDateTime at, String url) {
        rows.add(new Request(person, at, url, DemoTraffic.decide(snapshot, url, person, at)).row());
    }

    /**
     * A request judged elsewhere in the demo (an alert's), for the activity log.
     *
     * @param person who made it, or {@code null} for a device nobody is signed in on
     * @param at when
     * @param url the address
     * @param decision the filter's decision
     */
    record Request(Person person, OffsetDateTime at, String url, Decision decision) {

        ActivityRow row() {
            String host = url.substring(url.indexOf("//") + 2).split("[/?]", 2)[0];
            return DemoActivity.row(person, at.toInstant(), host, url, decision, decision.searchTerm());
        }
    }

    /**
     * Stores the requests of the story's alerts, judged elsewhere in the demo, as one batch of the
     * story, so a demo seeded afresh into a store that outlived its database adds its own, and
     * telling the story again adds nothing.
     */
    void alerted(String story, List<Request> requests) {
        store.append(BATCH_PREFIX + story + ":alerts", requests.stream().map(Request::row).toList());
    }

    /** A request's row; {@code person} is {@code null} for a device nobody is signed in on. */
    private static ActivityRow row(Person person, Instant at, String host, String url, Decision verdict, String searchTerm) {
        String ip = person == null ? DemoTraffic.GUEST_DEVICE_IP : DemoTraffic.deviceIp(person);
        // The directory gives each person one address; the device is named after it, as a school's asset register might.
        String device = person == null || ip == null ? null
                : (person.kind() == PersonKind.STAFF ? "staff-pc-" : "laptop-") + ip.replace('.', '-');
        return new ActivityRow(at, person == null ? null : person.id(), person == null ? null : person.proxyUsername(),
                verdict.subject().groupId(), person == null || person.yearGroup() == null ? null : person.yearGroup().label(),
                ip, device, "GET", host, host, url, verdict.policyCategory(), verdict.activityId(), verdict.action().name(),
                verdict.rule().name(), verdict.policyVersion(), searchTerm, verdict.bypassAttempt(), null, null, "lantern");
    }
}
