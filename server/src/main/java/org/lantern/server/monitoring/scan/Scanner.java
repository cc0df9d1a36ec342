package org.lantern.server.monitoring.scan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.lantern.activity.ActivityRow;
import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.library.Category;
import org.lantern.monitor.match.Classification;
import org.lantern.monitor.match.ClassificationJson;
import org.lantern.monitor.match.Match;
import org.lantern.monitor.match.PhraseMatcher;
import org.lantern.server.activity.ActivityAttribution;
import org.lantern.server.alerts.SafeguardingAlerts;
import org.lantern.server.alerts.SafeguardingRisk;
import org.lantern.server.alerts.SafeguardingRisk.Seen;
import org.lantern.server.monitoring.library.MonitorEngine;
import org.lantern.server.policy.PolicyService;
import org.lantern.server.policy.PolicyVersion;
import org.springframework.stereotype.Component;

/**
 * Scans one queued request on the monitor's thread: its search term, its address's path and query
 * and, for a request body, what was typed, each classified for the writer's age band. The
 * strongest match at or above the band's threshold in each category becomes a safeguarding
 * alert (or folds into the person's open one). Words of the illegal category, and anything
 * inside them, are masked before they leave this class, and so is the address of a request
 * that had any.
 */
@Component
class Scanner {

    private final MonitorEngine engine;
    private final MonitoringProperties settings;
    private final ActivityAttribution attribution;
    private final ScanSubjects subjects;
    private final SafeguardingAlerts alerts;
    private final PolicyService policies;

    Scanner(MonitorEngine engine, MonitoringProperties settings, ActivityAttribution attribution,
            ScanSubjects subjects, SafeguardingAlerts alerts, PolicyService policies) {
        this.engine = engine;
        this.settings = settings;
        this.attribution = attribution;
        this.subjects = subjects;
        this.alerts = alerts;
        this.policies = policies;
    }

    /** One text and where it was seen. */
    private record Text(String text, Seen seen) {
    }

    /** The strongest match of a category, with the classification it came from (for masking). */
    private record Found(Match match, Classification classification, Seen seen) {
    }

    /**
     * Classifies what the request holds and records a risk for each category at or above the
     * threshold.
     *
     * @param request what to scan
     */
    void scan(ScanRequest request) {
        ActivityRow row = request.body() == null ? request.row() : attribution.attribute(request.row());
        ScanSubjects.Subject subject = subjects.of(row);
        AgeBand band = subject.band();
        int threshold = settings.thresholds().of(band);
        Map<Category, Found> strongest = new EnumMap<>(Category.class);
        boolean illegalWords = false;
        // one matcher for the whole request, though the school may change a library meanwhile
        PhraseMatcher matcher = engine.matcher();
        for (Text text : texts(request, row)) {
            Classification c = matcher.classify(text.text(), band, text.seen() != Seen.ADDRESS);
            for (Match match : c.matches()) {
                illegalWords |= match.category() == Category.ILLEGAL;
                Found found = strongest.get(match.category());
                if (match.level() >= threshold && (found == null || match.level() > found.match().level())) {
                    strongest.put(match.category(), new Found(match, c, text.seen()));
                }
            }
        }
        if (strongest.isEmpty()) {
            return;
        }
        String url = illegalWords ? Addresses.masked(row.url()) : row.url();
        long policyVersion = row.policyVersion() != null ? row.policyVersion()
                : policies.current().map(PolicyVersion::number).orElse(0);
        for (Found found : strongest.values()) {
            alerts.record(risk(found, row, subject, url, policyVersion));
        }
    }

    private static List<Text> texts(ScanRequest request, ActivityRow row) {
        List<Text> texts = new ArrayList<>();
        if (request.body() != null) {
            for (String typed : BodyText.of(request.body().contentType(), request.body().bytes())) {
                texts.add(new Text(typed, Seen.TYPED));
            }
            return texts;
        }
        if (row.searchTerm() != null && !row.searchTerm().isBlank()) {
            texts.add(new Text(row.searchTerm(), Seen.SEARCH));
        }
        String address = Addresses.pathAndQuery(row.url());
        if (!address.isEmpty()) {
            texts.add(new Text(address, Seen.ADDRESS));
        }
        return texts;
    }

    private SafeguardingRisk risk(Found found, ActivityRow row, ScanSubjects.Subject subject, String url,
                                  long policyVersion) {
        Match m = found.match();
        boolean masked = ClassificationJson.masked(m, found.classification());
        return new SafeguardingRisk(row.time(), row.personId(), subject.name(), row.user(), row.clientIp(), url,
                found.seen(), subject.band().id(), m.level(), m.category().id(), m.category() == Category.ILLEGAL,
                shown(m.phrase(), masked), shown(m.normalised(), masked), shown(m.original(), masked),
                masked ? null : MatchContext.around(found.classification().text(), m.original()), m.rule(),
                m.library(), m.libraryVersion(), m.helpSeeking(), policyVersion, settings.foldWindow());
    }

    private static String shown(String words, boolean masked) {
        return masked ? ClassificationJson.mask(words) : words;
    }
}
