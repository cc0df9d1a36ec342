package org.lantern.server.unblocking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.lantern.server.people.PersonKind;
import org.lantern.server.policy.PolicyService;
import org.lantern.server.policy.PolicyVersion;
import org.springframework.stereotype.Service;

/**
 * The filtering / change-control log governors review (seed 002): every policy version and every
 * step of every unblock request, merged into one list in time order. Governors see it without
 * pupils' names: an unblock for named people shows only how many, unless the reader may approve
 * unblocks (and so already sees the names).
 */
@Service
public class ChangeControlLog {

    private final PolicyService policies;
    private final Unblocks unblocks;
    private final People people;

    ChangeControlLog(PolicyService policies, Unblocks unblocks, People people) {
        this.policies = policies;
        this.unblocks = unblocks;
        this.people = people;
    }

    /** What kind of change an entry records. */
    public enum Kind {
        POLICY("Policy"), UNBLOCK("Unblock");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One line of the log.
     *
     * @param at     when
     * @param kind   policy or unblock
     * @param action what happened, e.g. "Policy version 3" or "Unblock granted"
     * @param who    username of whoever did it
     * @param what   what changed, without pupils' names unless the reader may see them
     * @param why    the reason recorded for the step
     * @param link   where to see the change in full (a policy version or diff), or null
     */
    public record Entry(Instant at, Kind kind, String action, String who, String what, String why, String link) {
    }

    /**
     * Which entries to show; null fields match everything.
     *
     * @param from first school day included
     * @param to   last school day included
     * @param kind only this kind
     */
    public record Filter(LocalDate from, LocalDate to, Kind kind) {
    }

    /**
     * The entries matching {@code filter}, oldest first.
     *
     * @param showNames whether named people appear by name (approvers) or only as a count
     */
    public List<Entry> entries(Filter filter, boolean showNames) {
        Instant from = filter.from() == null ? null : filter.from().atStartOfDay(SchoolTime.ZONE).toInstant();
        Instant to = filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(SchoolTime.ZONE).toInstant();
        List<Entry> entries = new ArrayList<>();
        if (filter.kind() == null || filter.kind() == Kind.POLICY) {
            policies.versions().stream()
                    .filter(v -> (from == null || !v.createdAt().isBefore(from)) && (to == null || v.createdAt().isBefore(to)))
                    .map(ChangeControlLog::policyEntry)
                    .forEach(entries::add);
        }
        if (filter.kind() == null || filter.kind() == Kind.UNBLOCK) {
            Map<Long, UnblockRequest> requests = new HashMap<>();
            Map<String, String> groupNames = groupNames();
            for (UnblockEvent event : unblocks.events(from, to)) {
                UnblockRequest request = requests.computeIfAbsent(event.requestId(), unblocks::get);
                entries.add(new Entry(event.at(), Kind.UNBLOCK, event.action().label(), event.actor(),
                        describe(request, groupNames, showNames), event.reason(), null));
            }
        }
        entries.sort(Comparator.comparing(Entry::at));
        return entries;
    }

    private static Entry policyEntry(PolicyVersion v) {
        String what = "Policy version " + v.number()
                + (v.restoredFrom() == null ? "" : " (restores version " + v.restoredFrom() + ")");
        String link = v.number() > 1 ? "/policy/diff?from=" + (v.number() - 1) + "&to=" + v.number()
                : "/policy/history/" + v.number();
        return new Entry(v.createdAt(), Kind.POLICY, "Policy changed", v.author(), what, v.reason(), link);
    }

    private String describe(UnblockRequest request, Map<String, String> groupNames, boolean showNames) {
        List<String> who = new ArrayList<>();
        request.groupIds().forEach(g -> who.add(groupNames.getOrDefault(g, g)));
        if (!request.personIds().isEmpty()) {
            who.add(showNames ? names(request.personIds()) : count(request.personIds()));
        }
        return "Request " + request.id() + ": " + request.describeTarget() + " for " + String.join(", ", who)
                + ", " + UnblockFormat.period(request.from(), request.until());
    }

    /** Named people by name, for readers who may see them. */
    String names(List<Long> ids) {
        return String.join(", ", ids.stream()
                .map(id -> people.find(id).map(Person::displayName).orElse("person " + id)).toList());
    }

    /** Named people as a count only, e.g. "1 named pupil", so a governor's view names no child. */
    String count(List<Long> ids) {
        boolean allPupils = ids.stream().map(people::find).allMatch(p -> p.map(Person::kind)
                .filter(k -> k == PersonKind.PUPIL).isPresent());
        int n = ids.size();
        return n + " named " + (allPupils ? (n == 1 ? "pupil" : "pupils") : (n == 1 ? "person" : "people"));
    }

    private Map<String, String> groupNames() {
        Map<String, String> names = new HashMap<>();
        if (policies.current().isPresent()) {
            policies.currentDocument().groups().forEach(g -> names.put(g.id(), g.name()));
        }
        return names;
    }
}
