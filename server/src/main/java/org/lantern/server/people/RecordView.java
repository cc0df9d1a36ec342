package org.lantern.server.people;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.lantern.server.identity.Permission;
import org.springframework.security.core.Authentication;

/**
 * How one viewer sees the incidents a people page names: a link only to a record they may open,
 * and, for a register entry that came from a child-protection record, "Restricted" in place of its
 * reason unless they may read child protection. Made per request by {@link #of}.
 */
public final class RecordView {

    /** Shown in place of a reason that would reveal a child-protection record. */
    public static final String RESTRICTED = "Restricted: it comes from a child-protection record";

    private final Set<Long> openable;
    private final Set<Long> restricted;

    private RecordView(Set<Long> openable, Set<Long> restricted) {
        this.openable = Set.copyOf(openable);
        this.restricted = Set.copyOf(restricted);
    }

    /** The view of {@code incidentIds} (nulls ignored) for {@code viewer}. */
    static RecordView of(IncidentLinks links, Collection<Long> incidentIds, Authentication viewer) {
        Set<Long> ids = incidentIds.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return new RecordView(Set.of(), Set.of());
        }
        return new RecordView(links.openable(ids, viewer),
                Permission.CHILD_PROTECTION_READ.heldBy(viewer) ? Set.of() : links.childProtection(ids));
    }

    /** Whether to link to the incident: false for none and for one the viewer may not open. */
    public boolean link(Long incidentId) {
        return incidentId != null && openable.contains(incidentId);
    }

    /** Whether what the page says of this incident is withheld from the viewer. */
    public boolean restricted(Long incidentId) {
        return incidentId != null && restricted.contains(incidentId);
    }

    /** The register entry's reason as this viewer may read it. */
    public String reason(AccessEvent event) {
        return restricted(event.incidentId()) ? RESTRICTED : event.reason();
    }
}
