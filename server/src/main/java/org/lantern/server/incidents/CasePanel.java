package org.lantern.server.incidents;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

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
     * A list row for a record whose case matches the filter, with its case; empty for one the
     * filter leaves out (so it is neither shown nor logged as a look).
     *
     * @param status    a {@link CaseStatus} name, {@code active} (open or monitoring), or blank for all
     * @param owner     {@code mine} for the cases the user owns or owns an action of, {@code none} for
     *                  cases nobody owns, or blank
     * @param accountId the user's account, for {@code mine}
     */
    public Function<Incident, Optional<CaseWork.Item>> rows(String status, String owner, long accountId) {
        String wanted = status == null ? "" : status.strip().toUpperCase(Locale.ROOT);
        String whose = owner == null ? "" : owner.strip();
        return incident -> Optional.of(new CaseWork.Item(incident, cases.of(incident)))
                .filter(i -> switch (wanted) {
                    case "" -> true;
                    case "ACTIVE" -> i.kase().status() != CaseStatus.CLOSED;
                    default -> i.kase().status().name().equals(wanted);
                })
                .filter(i -> switch (whose) {
                    case "mine" -> i.kase().owner() != null && i.kase().owner().accountId() == accountId
                            || i.kase().actionOwners().values().stream().anyMatch(o -> o.accountId() == accountId);
                    case "none" -> i.kase().owner() == null;
                    default -> true;
                });
    }
}
