package org.lantern.server.demo;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.lantern.filter.decision.Action;
import org.lantern.filter.decision.Decision;
import org.lantern.filter.decision.DecisionRequest;
import org.lantern.filter.decision.FilterSnapshot;
import org.lantern.filter.url.MalformedUrlException;
import org.lantern.server.alerts.Alert;
import org.lantern.server.alerts.AlertIntake;
import org.lantern.server.alerts.AlertRegister;
import org.lantern.server.alerts.AlertStatus;
import org.lantern.server.alerts.AlertTriage;
import org.lantern.server.filtering.FilterAlert;
import org.lantern.server.filtering.FilterService;
import org.lantern.server.filtering.bypass.BypassAttempts;
import org.lantern.server.filtering.bypass.BypassProperties;
import org.lantern.server.people.NetworkIdentity;
import org.lantern.server.people.NetworkIdentityType;
import org.lantern.server.people.Person;
import org.lantern.server.people.YearGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo school's web traffic that the DSL hears about: alerts and attempts to get round the
 * filter. Each request is judged by the school's own decision procedure (the policy in force, the
 * people directory, the demo's made-up lists standing in for the UT1 and CTIRU downloads a demo
 * does not have) and handed to the alerts register and the bypass-attempt register exactly as the
 * ICAP path hands them, so alerts fold, and persistent attempts raise an alert, by the real rules.
 */
@Component
@ConditionalOnProperty(name = "lantern.mode", havingValue = "demo")
class DemoTraffic {

    /** The address of a device nobody is signed in on. */
    static final String GUEST_DEVICE_IP = "10.20.99.23";
    private static final String EXTREMIST_FORUM = "http://extremist-forum.example/board/recruit";
    private static final List<String> BYPASS_ROUTES = List.of("https://free-vpn.example/", "https://private-dns.example/dns-query",
            "https://unblock-anything.example/browse?u=games.example", "http://203.0.113.45/", "http://198.51.100.7/login");
    private static final int EVERYDAY_ATTEMPTS = 24;
    private static final Duration BYPASS_FLUSH = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);

    private final FilterService filter;
    private final AlertRegister alerts;
    private final AlertTriage triage;
    private final AlertIntake alertIntake;
    private final BypassAttempts bypassAttempts;
    private final BypassProperties bypassSettings;
    private final Backdating backdating;

    DemoTraffic(FilterService filter, AlertRegister alerts, AlertTriage triage, AlertIntake alertIntake,
                BypassAttempts bypassAttempts, BypassProperties bypassSettings, Backdating backdating) {
        this.filter = filter;
        this.alerts = alerts;
        this.triage = triage;
        this.alertIntake = alertIntake;
        this.bypassAttempts = bypassAttempts;
        this.bypassSettings = bypassSettings;
        this.backdating = backdating;
    }

    /**
     * The alerts: the terrorism-list request the DSL took into review, with a note, an extremist forum
     * tried three times in a few minutes (one alert, folded), and a listed address from a device
     * nobody is signed in on.
     *
     * @return the requests of the last two, for the activity log, as every request the filter
     *         judges goes there, so "around this moment" on their alerts finds them (the first is
     *         among the term's activity, with the searches that led up to it)
     */
    List<DemoActivity.Request> alerts(DemoTerm term, DemoCast cast, DemoCalendar calendar) {
        FilterSnapshot filter = DemoLists.snapshot(this.filter);
        Person pupil = term.illegalContentPupil();
        Alert seen = raise(filter, DemoLists.ILLEGAL_CONTENT_URL, pupil, term.illegalContentAt());
        triage.change(seen.id(), new AlertTriage.Change(AlertStatus.IN_REVIEW, null, null, "Did not open the address. "
                + "The headteacher was told as the second senior member of staff and the laptop taken out of use; "
                + "recording an incident for the police referral now."), cast.dsl());
        triage.assign(seen.id(), cast.dsl().accountId(), cast.dsl());
        backdating.alertNoted(seen.id(), calendar.later(term.illegalContentAt(), 15, 30));

        Person forumUser = cast.pupil(YearGroup.Y11, YearGroup.Y12);
        OffsetDateTime first = calendar.daysAgo(2, 13, 5);
        List<DemoActivity.Request> logged = new ArrayList<>();
        for (int minutes : new int[] {0, 2, 6}) {
            logged.add(raiseLogged(filter, EXTREMIST_FORUM, forumUser, first.plusMinutes(minutes)));
        }
        logged.add(raiseLogged(filter, DemoLists.OTHER_ILLEGAL_CONTENT_URL, null, calendar.daysAgo(1, 14, 10)));
        return logged;
    }

    /**
     * Attempts to get round the filter over the last four weeks: everyday ones from the background
     * pupils, the continued-infringement pupil's at the time of their incident, and yesterday a run
     * of theirs long enough to raise a persistent-bypass alert. Written by the register's own
     * background writer, which this waits for.
     */
    void bypassAttempts(DemoTerm term, DemoCast cast, DemoCalendar calendar, Random random) {
        FilterSnapshot filter = DemoLists.snapshot(this.filter);
        for (OffsetDateTime at : calendar.spread(calendar.now().minusDays(28), calendar.now().minusHours(2),
                EVERYDAY_ATTEMPTS)) {
            attempt(filter, BYPASS_ROUTES.get(random.nextInt(BYPASS_ROUTES.size())), cast.backgroundPupil(), at);
        }
        Person persistent = term.continuedInfringementPupil();
        OffsetDateTime incident = calendar.daysAgo(17, 12, 31);
        for (int i = 0; i < 4; i++) {
            attempt(filter, BYPASS_ROUTES.get(2), persistent, incident.plusMinutes(i));
        }
        int run = bypassSettings.alertThreshold() + 2;
        Duration gap = bypassSettings.alertWindow().dividedBy(run + 2);
        OffsetDateTime start = calendar.daysAgo(1, 12, 30);
        for (int i = 0; i < run; i++) {
            attempt(filter, BYPASS_ROUTES.get(i % BYPASS_ROUTES.size()), persistent, start.plus(gap.multipliedBy(i)));
        }
        try {
            if (!bypassAttempts.flush(BYPASS_FLUSH)) {
                LOG.warn("The demo's bypass attempts were not all written within {}", BYPASS_FLUSH);
            }
            // The persistent attempts raise their alert on the intake's own thread; it must be
            // written before seeding ends, so the term's records (and the audit chain) are whole.
            if (!alertIntake.flush(BYPASS_FLUSH)) {
                LOG.warn("The demo's persistent-bypass alert was not written within {}", BYPASS_FLUSH);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Raises the alert for a request, and gives the request for the activity log. */
    private DemoActivity.Request raiseLogged(FilterSnapshot filter, String url, Person person, OffsetDateTime at) {
        Decision decision = decide(filter, url, person, at);
        raise(decision, url);
        return new DemoActivity.Request(person, at, url, decision);
    }

    private Alert raise(FilterSnapshot filter, String url, Person person, OffsetDateTime at) {
        return raise(decide(filter, url, person, at), url);
    }

    private Alert raise(Decision decision, String url) {
        if (decision.action() != Action.BLOCK_AND_ALERT) {
            throw new IllegalStateException("the demo's request for " + url + " was not alerted: " + decision.reason());
        }
        return alerts.record(new FilterAlert(decision));
    }

    private void attempt(FilterSnapshot filter, String url, Person person, OffsetDateTime at) {
        Decision decision = decide(filter, url, person, at);
        if (!decision.bypassAttempt()) {
            throw new IllegalStateException("the demo's request for " + url + " is not a bypass attempt: " + decision.reason());
        }
        bypassAttempts.offer(decision);
    }

    /** The address of the person's device in the directory, or null. */
    static String deviceIp(Person person) {
        return person.networkIdentities().stream().filter(n -> n.type() == NetworkIdentityType.DEVICE_IP)
                .map(NetworkIdentity::value).findFirst().orElse(null);
    }

    /** The decision for a request from this person's device (or, without a person, a guest device). */
    static Decision decide(FilterSnapshot filter, String url, Person person, OffsetDateTime at) {
        String user = person == null ? null : person.proxyUsername();
        String ip = person == null ? GUEST_DEVICE_IP : deviceIp(person);
        try {
            return filter.decide(DecisionRequest.of(url, "GET", user, ip, at.toInstant()));
        } catch (MalformedUrlException e) {
            throw new IllegalStateException("the demo's address " + url + " does not parse", e);
        }
    }
}
