package org.lantern.server.incidents;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.lantern.policy.Column;
import org.lantern.policy.Sanctions;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.lantern.server.policy.PolicyService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pupils' own reports of a concern ({@code /report-concern}), signed in or not. A report becomes a
 * concern, never misuse: a child-protection record in the DSL's queue with one action, "Refer to
 * DSL", so the DSL triages it like any disclosure; a report from the block page carries the blocked address, and one about
 * a category the policy marks illegal follows the illegal-material path.
 * <p>
 * An anonymous report stores nothing that identifies the reporter: no account, no name, no network
 * address, in the record or in the audit chain. Otherwise the reporter is recorded: the signed-in
 * account (and the pupil it is linked to, as the record's reporter and, unless they say it is about
 * someone else, its child at risk), or the name a pupil typed and the address of the device they used.
 */
@Service
public class ConcernReports {

    /** The category of every pupil's report; it is not a row of the school's tables. */
    public static final String CATEGORY_ID = "pupil-report";
    static final String CATEGORY_TEXT = "Concern reported by a pupil";
    static final String ANONYMOUS = "anonymous";
    static final String NOT_SIGNED_IN = "pupil (not signed in)";
    static final int MAX_WHAT = 4_000;
    static final int MAX_WHERE = 200;
    static final int MAX_NAME = 100;
    static final int MAX_FILTER_CATEGORY = 64;
    private static final Column REFER_TO_DSL = new Column(Sanctions.REFER_TO_DSL, "Refer to DSL");

    private final JdbcClient jdbc;
    private final IncidentActions actions;
    private final IncidentCategories categories;
    private final People people;
    private final PolicyService policies;
    private final AuditChain audit;
    private final MonitoringHalt monitoringHalt;

    ConcernReports(JdbcClient jdbc, IncidentActions actions, IncidentCategories categories, People people,
                   PolicyService policies, AuditChain audit, MonitoringHalt monitoringHalt) {
        this.jdbc = jdbc;
        this.actions = actions;
        this.categories = categories;
        this.people = people;
        this.policies = policies;
        this.audit = audit;
        this.monitoringHalt = monitoringHalt;
    }

    /**
     * What a pupil submits.
     *
     * @param what           what happened or what worried them
     * @param where          where they saw it (optional)
     * @param url            the blocked address, when they came from the block page
     * @param filterCategory the filter's category for that address, from the block page
     * @param anonymous      whether to store nothing that identifies them
     * @param name           their name, when they are not signed in and not anonymous
     * @param aboutSomeoneElse whether it is about someone else: the pupil is then only its reporter
     */
    public record Report(String what, String where, String url, String filterCategory, boolean anonymous, String name,
                         boolean aboutSomeoneElse) {

        /** A report about the pupil themselves, or one that does not say. */
        public Report(String what, String where, String url, String filterCategory, boolean anonymous, String name) {
            this(what, where, url, filterCategory, anonymous, name, false);
        }
    }

    /**
     * Who is reporting.
     *
     * @param viewer        the signed-in account, or null
     * @param clientAddress the network address the report came from (stored only for a named
     *                      report made without signing in)
     */
    public record Reporter(Viewer viewer, String clientAddress) {
    }

    /**
     * Records the report as an incident in the DSL's queue and returns its id (never shown to the pupil).
     *
     * @throws IncidentRejectedException naming every problem; nothing is stored
     */
    @Transactional
    public long report(Report in, Reporter reporter) {
        List<String> problems = new ArrayList<>();
        IncidentService.requireText(problems, "What happened", in.what(), MAX_WHAT, true);
        IncidentService.requireText(problems, "Where you saw it", in.where(), MAX_WHERE, false);
        IncidentService.requireText(problems, "The web address", in.url(), IncidentService.MAX_LINK, false);
        IncidentService.requireText(problems, "The filter category", in.filterCategory(), MAX_FILTER_CATEGORY, false);
        boolean named = !in.anonymous() && reporter.viewer() == null;
        if (named) {
            IncidentService.requireText(problems, "Your name", in.name(), MAX_NAME, true);
        }
        if (!problems.isEmpty()) {
            throw new IncidentRejectedException(problems);
        }
        boolean illegal = illegalCategory(in.filterCategory());
        Viewer account = in.anonymous() ? null : reporter.viewer();
        String recordedBy = account != null ? account.username() : named ? NOT_SIGNED_IN : ANONYMOUS;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String location = IncidentService.blankToNull(in.where());
        String filterCategory = IncidentService.blankToNull(in.filterCategory());
        if (filterCategory != null) {
            location = (location == null ? "" : location + "; ") + "from the block page (filter category: " + filterCategory + ")";
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO incident (incident_type, subject_type, category_id, category_text, occurred_at, location, "
                        + "description, recorded_by_account, recorded_by, recorded_at, record_kind, source, reporter_name, "
                        + "reporter_address, illegal_path) VALUES ('CONCERN', 'PUPIL', :category, :text, :now, :location, :what, "
                        + ":account, :by, :now, 'CHILD_PROTECTION', 'PUPIL_REPORT', :name, :address, :illegal)")
                .param("category", CATEGORY_ID).param("text", CATEGORY_TEXT).param("now", now)
                .param("location", location).param("what", in.what().strip())
                .param("account", account == null ? null : account.accountId()).param("by", recordedBy)
                .param("name", named ? in.name().strip() : null)
                .param("address", named ? reporter.clientAddress() : null).param("illegal", illegal)
                .update(key, "id");
        long id = key.getKey().longValue();
        Optional<Person> pupil = account == null ? Optional.empty() : people.findByAccount(account.accountId());
        List<PersonRole> roles = in.aboutSomeoneElse() ? List.of(PersonRole.REPORTER)
                : List.of(PersonRole.REPORTER, PersonRole.AT_RISK);
        pupil.ifPresent(p -> roles.forEach(role -> jdbc.sql(
                        "INSERT INTO incident_subject (incident_id, person_id, role) VALUES (:id, :person, :role)")
                .param("id", id).param("person", p.id()).param("role", role.name()).update()));
        String url = IncidentService.blankToNull(in.url());
        if (url != null) {
            jdbc.sql("INSERT INTO incident_link (incident_id, position, link) VALUES (:id, 0, :link)")
                    .param("id", id).param("link", url).update();
        }
        Column column = categories.columns(SubjectType.PUPIL).stream().filter(c -> c.id().equals(REFER_TO_DSL.id()))
                .findFirst().orElse(REFER_TO_DSL);
        actions.insert(id, column.id(), column.text(), null, null);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("anonymous", in.anonymous());
        detail.put("subjectIds", pupil.map(p -> List.of(p.id())).orElse(List.of()));
        detail.put("roles", pupil.isPresent() ? roles.stream().map(PersonRole::code).toList() : List.of());
        detail.put("descriptionSha256", IncidentService.sha256(in.what().strip()));
        detail.put("locationSha256", IncidentService.sha256(location));
        detail.put("linksSha256", IncidentService.sha256(url == null ? "" : url));
        detail.put("actions", List.of(column.id()));
        detail.put("illegalPath", illegal);
        audit.append(recordedBy, "incident.reported", RecordAccessLog.INCIDENT, Long.toString(id), IncidentService.json(detail));
        if (illegal) {
            monitoringHalt.halt(id, now, recordedBy);
        }
        return id;
    }

    /** Whether the block page's category is one the policy marks illegal (by id or name). */
    private boolean illegalCategory(String filterCategory) {
        if (filterCategory == null || filterCategory.isBlank()) {
            return false;
        }
        String c = filterCategory.strip().toLowerCase(Locale.ROOT);
        return policies.currentDocument().categories().stream().anyMatch(category -> category.illegal()
                && (category.id().toLowerCase(Locale.ROOT).equals(c) || category.name().toLowerCase(Locale.ROOT).equals(c)));
    }
}
