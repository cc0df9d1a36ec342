package org.lantern.server.monitoring.notice;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.library.Category;
import org.lantern.monitor.library.PhraseEntry;
import org.lantern.monitor.library.PhraseLibrary;
import org.lantern.monitor.model.RiskModel;
import org.lantern.policy.Monitoring;
import org.lantern.policy.PolicyDocument;
import org.lantern.policy.TlsInspection;
import org.lantern.server.identity.Permission;
import org.lantern.server.identity.Role;
import org.lantern.server.monitoring.library.MonitorEngine;
import org.lantern.server.monitoring.scan.MonitoringProperties;
import org.lantern.server.policy.PolicyService;
import org.lantern.server.retention.ActivityLogRetentionProperties;
import org.lantern.server.retention.RecordType;
import org.lantern.server.retention.RetentionRules;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Builds "What Lantern monitors" from what is in force: the categories the libraries can raise an
 * alert for at the school's thresholds, the policy's TLS inspection and typed-text settings, DSL and
 * contact, the roles
 * that hold the permission to read alerts, and the retention settings. Nothing on it is written by
 * hand, so changing the policy, a library or a role changes the page.
 */
@Service
public class MonitoringNotices {

    private final PolicyService policies;
    private final Supplier<List<PhraseLibrary>> libraries;
    private final boolean model;
    private final MonitoringProperties monitoring;
    private final ActivityLogRetentionProperties activityLog;
    private final RetentionRules retention;
    // The page is open to anyone, so what the libraries say is worked out once per set of libraries in
    // force, not per request: a school's change to a library swaps the list, and the next request sees it.
    private volatile Summary summary;

    /** What the page says of one set of libraries, and the list it was worked out from. */
    private record Summary(List<PhraseLibrary> source, List<MonitoringNotice.Topic> topics, boolean helpSeeking,
                           int languages, List<String> libraryNames) {
    }

    @Autowired
    MonitoringNotices(PolicyService policies, MonitorEngine engine, MonitoringProperties monitoring,
                      ActivityLogRetentionProperties activityLog, RetentionRules retention) {
        this(policies, engine::libraries, engine.model(), monitoring, activityLog, retention);
    }

    MonitoringNotices(PolicyService policies, Supplier<List<PhraseLibrary>> libraries, boolean model,
                      MonitoringProperties monitoring, ActivityLogRetentionProperties activityLog, RetentionRules retention) {
        this.policies = policies;
        this.libraries = libraries;
        this.model = model;
        this.monitoring = monitoring;
        this.activityLog = activityLog;
        this.retention = retention;
    }

    private Summary summary() {
        List<PhraseLibrary> inForce = libraries.get();
        Summary s = summary;
        if (s == null || s.source() != inForce) {
            List<PhraseEntry> entries = inForce.stream().flatMap(l -> l.entries().stream()).toList();
            s = new Summary(inForce, topics(entries), entries.stream().anyMatch(PhraseEntry::helpSeeking),
                    (int) entries.stream().map(PhraseEntry::language).distinct().count(),
                    inForce.stream().map(l -> l.name() + " " + l.version()).toList());
            summary = s;
        }
        return s;
    }

    /** The page as the policy and libraries in force make it now. */
    public MonitoringNotice current() {
        PolicyDocument policy = policies.currentDocument();
        Monitoring settings = policy.monitoringInForce();
        TlsInspection tls = policy.tlsInspectionInForce();
        Summary s = summary();
        List<String> notInspected = tls.exemptCategories().stream()
                .map(id -> policy.category(id).map(org.lantern.policy.Category::name).orElse(id)).toList();
        return new MonitoringNotice(policy.school().name(), s.topics(), tls.enabled(), notInspected,
                settings.typedText(), settings.typedTextMaxBytes(),
                s.helpSeeking(), s.languages(), s.libraryNames(), Arrays.stream(AgeBand.values()).map(this::threshold).toList(),
                roles(Permission.INCIDENT_READ_ALL), roles(Permission.INCIDENT_MANAGE), settings.dslName(),
                activityLog.describe(), retention.years(RecordType.CHILD_PROTECTION), retention.years(RecordType.ALERT),
                settings.contact(), model ? RiskModel.NAME + " " + RiskModel.VERSION : null);
    }

    /** The categories of which some phrase can raise an alert for some age group, in the categories' order. */
    private List<MonitoringNotice.Topic> topics(List<PhraseEntry> entries) {
        Set<Category> alerting = EnumSet.noneOf(Category.class);
        for (PhraseEntry e : entries) {
            if (e.alerts() && Arrays.stream(AgeBand.values())
                    .anyMatch(band -> e.levels().level(band) >= monitoring.thresholds().of(band))) {
                alerting.add(e.category());
            }
        }
        return alerting.stream().map(c -> new MonitoringNotice.Topic(c.id(), CategoryWords.name(c),
                CategoryWords.description(c))).toList();
    }

    private String threshold(AgeBand band) {
        return switch (band) {
            case PRIMARY -> "Primary (Reception to Year 6)";
            case KS3 -> "Years 7 to 9";
            case KS4 -> "Years 10 and 11";
            case POST16 -> "Years 12 and 13";
            case STAFF -> "Staff and visitors";
        } + ": level " + monitoring.thresholds().of(band) + " of 5 or higher";
    }

    /** The roles holding a permission, in the roles' order (the DSL first). */
    private static List<String> roles(Permission permission) {
        return Arrays.stream(Role.values()).filter(r -> r.permissions().contains(permission)).map(Role::title).toList();
    }
}
