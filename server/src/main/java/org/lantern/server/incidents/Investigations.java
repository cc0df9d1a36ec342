package org.lantern.server.incidents;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lantern.server.audit.AuditChain;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.AccountService.AccountSummary;
import org.lantern.server.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The investigation of an incident on the illegal-material path, as seed 002's procedure asks:
 * more than one senior member of staff involved ("vital to protect individuals if accusations are
 * subsequently reported"), one designated computer used for the whole procedure, and a judgement
 * of whether the concern has substance. Progress can be saved as it goes; closing needs all of it.
 * Every change is appended to the audit chain, the free text by SHA-256 only.
 */
@Service
public class Investigations {

    /** The roles whose holders count as senior staff for an investigation. */
    static final Set<Role> SENIOR = EnumSet.of(Role.DSL, Role.DEPUTY_DSL, Role.HEADTEACHER);
    static final int MAX_COMPUTER = 200;
    static final int MIN_SENIOR_STAFF = 2;

    private final JdbcClient jdbc;
    private final IncidentService incidents;
    private final AccountService accounts;
    private final AuditChain audit;

    Investigations(JdbcClient jdbc, IncidentService incidents, AccountService accounts, AuditChain audit) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.accounts = accounts;
        this.audit = audit;
    }

    /**
     * What the DSL submits about an investigation.
     *
     * @param seniorStaffIds     the accounts of the senior staff involved
     * @param designatedComputer the computer used for the procedure
     * @param outcome            whether the concern has substance and what follows
     * @param close              whether to close the investigation (all three are then required)
     */
    public record Update(List<Long> seniorStaffIds, String designatedComputer, String outcome, boolean close) {
        public Update {
            seniorStaffIds = seniorStaffIds == null ? List.of() : seniorStaffIds.stream().distinct().toList();
        }
    }

    /** The enabled accounts that may be named as senior staff (DSL, deputy DSL, headteacher), by username. */
    public List<AccountSummary> seniorStaff() {
        return accounts.list().stream().filter(a -> a.enabled() && SENIOR.contains(a.role())).toList();
    }

    /**
     * Saves the investigation's progress, or closes it.
     *
     * @throws IncidentRejectedException naming every problem (not on the illegal path, already
     *                                   closed, not senior staff, too few of them, missing text);
     *                                   nothing is changed
     */
    @Transactional
    public Incident save(long incidentId, Update update, String actor) {
        Incident incident = incidents.load(incidentId).orElseThrow(() -> new IncidentNotFoundException(incidentId));
        if (!incident.illegalPath() || incident.investigation() == null) {
            throw new IncidentRejectedException(List.of("This incident is not on the illegal-material path, so it has no investigation."));
        }
        if (incident.investigation().closed()) {
            throw new IncidentRejectedException(List.of("The investigation was closed by " + incident.investigation().closedBy()
                    + "; nothing was changed."));
        }
        List<String> problems = new ArrayList<>();
        List<AccountSummary> senior = seniorStaff();
        List<AccountSummary> named = new ArrayList<>();
        for (long id : update.seniorStaffIds()) {
            Optional<AccountSummary> account = senior.stream().filter(a -> a.id() == id).findFirst();
            account.ifPresentOrElse(named::add, () -> problems.add(
                    "Account " + id + " is not an enabled DSL, deputy DSL or headteacher account."));
        }
        IncidentService.requireText(problems, "The designated computer", update.designatedComputer(), MAX_COMPUTER, update.close());
        IncidentService.requireText(problems, "The outcome", update.outcome(), IncidentService.MAX_OUTCOME, update.close());
        if (update.close() && named.size() < MIN_SENIOR_STAFF) {
            problems.add("Name at least two different senior members of staff (DSL, deputy DSL or headteacher) "
                    + "who were involved: the policy requires more than one.");
        }
        if (!problems.isEmpty()) {
            throw new IncidentRejectedException(problems);
        }
        jdbc.sql("DELETE FROM incident_investigator WHERE incident_id = :id").param("id", incidentId).update();
        for (AccountSummary a : named) {
            jdbc.sql("INSERT INTO incident_investigator (incident_id, account_id, username, role) "
                            + "VALUES (:id, :account, :username, :role)")
                    .param("id", incidentId).param("account", a.id()).param("username", a.username())
                    .param("role", a.role().name()).update();
        }
        String computer = IncidentService.blankToNull(update.designatedComputer());
        String outcome = IncidentService.blankToNull(update.outcome());
        OffsetDateTime now = update.close() ? OffsetDateTime.now(ZoneOffset.UTC) : null;
        jdbc.sql("UPDATE incident_investigation SET designated_computer = :computer, outcome = :outcome, "
                        + "closed_by = :by, closed_at = :now WHERE incident_id = :id")
                .param("computer", computer).param("outcome", outcome).param("by", update.close() ? actor : null)
                .param("now", now).param("id", incidentId).update();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("seniorStaff", named.stream().map(AccountSummary::id).toList());
        detail.put("designatedComputerSha256", IncidentService.sha256(computer));
        detail.put("outcomeSha256", IncidentService.sha256(outcome));
        audit.append(actor, update.close() ? "incident.investigation.closed" : "incident.investigation.updated",
                RecordAccessLog.INCIDENT, Long.toString(incidentId), IncidentService.json(detail));
        return incidents.load(incidentId).orElseThrow();
    }
}
