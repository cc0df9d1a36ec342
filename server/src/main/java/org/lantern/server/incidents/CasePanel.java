package org.lantern.server.incidents;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.lantern.server.people.People;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * What the incident pages show of cases, called from their templates ({@code @casePanel}): on a
 * record, its case, its history and the controls for those who may change it; on the lists, the
 * filter by status and owner.
 */
@Component("casePanel")
public class CasePanel {

    private final CaseService cases;
    private final CaseHistory history;

    CasePanel(CaseService cases, CaseHistory history) {
        this.cases = cases;
        this.history = history;
    }

    /**
     * A record's case as its page shows it.
     *
     * @param kase      the case
     * @param history   the record's history, oldest first
     * @param mayChange whether the viewer may change the case
     * @param owners    who may be named as an owner (empty unless the viewer may change the case)
     * @param today     the school's date, for overdue and review marks
     */
    public record View(Case kase, List<ChronologyEntry> history, boolean mayChange, List<Case.Owner> owners,
                       LocalDate today) {

        public List<CaseStatus> statuses() {
            return List.of(CaseStatus.values());
        }

        public List<CasePriority> priorities() {
            return List.of(CasePriority.values());
        }
    }

    /** The case of a record the user has opened (the page's own read logged the look). */
    public View of(Incident incident, Authentication user) {
        CaseActor actor = CaseActor.of(user);
        Case kase = cases.of(incident);
        boolean mayChange = cases.mayChange(incident, kase, actor);
        return new View(kase, history.of(incident), mayChange, mayChange ? cases.eligibleOwners(incident) : List.of(),
                People.today());
    }

    /**
     * The list's rows that match the filter, each with its case.
     *
     * @param status a {@link CaseStatus} name, {@code active} (open or monitoring), or blank for all
     * @param owner  {@code mine} for the cases the user owns or owns an action of, {@code none} for cases nobody owns, or blank
     */
    public List<CaseWork.Item> filter(List<Incident> incidents, String status, String owner, Authentication user) {
        long me = Viewer.of(user).accountId();
        String wanted = status == null ? "" : status.strip().toUpperCase(Locale.ROOT);
        String whose = owner == null ? "" : owner.strip();
        return incidents.stream().map(i -> new CaseWork.Item(i, cases.of(i)))
                .filter(i -> switch (wanted) {
                    case "" -> true;
                    case "ACTIVE" -> i.kase().status() != CaseStatus.CLOSED;
                    default -> i.kase().status().name().equals(wanted);
                })
                .filter(i -> switch (whose) {
                    case "mine" -> i.kase().owner() != null && i.kase().owner().accountId() == me
                            || i.kase().actionOwners().values().stream().anyMatch(o -> o.accountId() == me);
                    case "none" -> i.kase().owner() == null;
                    default -> true;
                })
                .toList();
    }
}
