package org.lantern.policy;

import java.util.List;
import java.util.Optional;

/**
 * A school's online-safety policy as data: the single source the filter, monitoring, incident
 * handling and the published policy are all derived from. Immutable; obtain one from
 * {@link PolicyParser#parse(String)}, which guarantees every id it references exists.
 *
 * @param school             whose policy it is
 * @param groups             user groups
 * @param categories         content categories and the lists implementing them
 * @param windows            named weekly time windows
 * @param activities         the User Actions table
 * @param communications     the Communications table, if the school publishes one
 * @param mobileTechnologies the Mobile Technologies table, if the school publishes one
 * @param sanctions          the Actions / Sanctions tables, if the school publishes them
 * @param safeguarding       the kinds of concern about a child at risk and their steps; null in a
 *                           policy written before the list existed (see {@link #concerns()})
 * @param monitoring         what the school says about safeguarding monitoring; null in a policy
 *                           that says nothing of it (see {@link #monitoringInForce()})
 * @param tlsInspection      whether the school's proxies decrypt HTTPS, and which categories they
 *                           never decrypt; null in a policy that does not say (see
 *                           {@link #tlsInspectionInForce()})
 * @param assumptions        what Lantern assumed where the published policy is silent
 */
public record PolicyDocument(School school, List<Group> groups, List<Category> categories, List<TimeWindow> windows,
                             List<Activity> activities, Communications communications,
                             MobileTechnologies mobileTechnologies, Sanctions sanctions, Safeguarding safeguarding,
                             Monitoring monitoring, TlsInspection tlsInspection, List<String> assumptions) {
    public PolicyDocument {
        groups = Lists.copy(groups);
        categories = Lists.copy(categories);
        windows = Lists.copy(windows);
        activities = Lists.copy(activities);
        assumptions = Lists.copy(assumptions);
    }

    /**
     * The safeguarding list in force: the policy's own, or, for a policy written before the list
     * existed, the standard one every preset carries, so no school is left without it.
     */
    public Safeguarding concerns() {
        return safeguarding != null ? safeguarding : Presets.standardSafeguarding();
    }

    /** The monitoring settings in force: the policy's own, or {@link Monitoring#DEFAULT} (typed text not read). */
    public Monitoring monitoringInForce() {
        return monitoring != null ? monitoring : Monitoring.DEFAULT;
    }

    /** Whether HTTPS is decrypted: the policy's own answer, or {@link TlsInspection#DEFAULT} (not decrypted). */
    public TlsInspection tlsInspectionInForce() {
        return tlsInspection != null ? tlsInspection : TlsInspection.DEFAULT;
    }

    /** The group with this id, if any. */
    public Optional<Group> group(String id) {
        return groups.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** The category with this id, if any. */
    public Optional<Category> category(String id) {
        return categories.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The time window with this id, if any. */
    public Optional<TimeWindow> window(String id) {
        return windows.stream().filter(w -> w.id().equals(id)).findFirst();
    }

    /** The User Actions row with this id, if any. */
    public Optional<Activity> activity(String id) {
        return activities.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
