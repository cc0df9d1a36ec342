package org.lantern.server.monitoring.library;

import org.lantern.monitor.library.Category;
import org.lantern.server.alerts.FalsePositiveExclusions;
import org.springframework.stereotype.Component;

/** The alert triage's false-positive exclusions, added as library changes like any other. */
@Component
class AlertExclusions implements FalsePositiveExclusions {

    private final LibraryChanges changes;

    AlertExclusions(LibraryChanges changes) {
        this.changes = changes;
    }

    @Override
    public int exclude(String categoryId, String phrase, String context, String reason, String actor) {
        Category category = Category.ofId(categoryId == null ? "" : categoryId)
                .orElseThrow(() -> new IllegalArgumentException("the alert's category '" + categoryId
                        + "' is not one of the monitor's."));
        try {
            return changes.exclude(category, phrase, context, reason, actor);
        } catch (LibraryRejectedException | LibraryNotFoundException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
