package org.lantern.server.people;

import java.time.OffsetDateTime;

/** One past import, for the audit list on the import page: who, when, which file, what it did. */
public record ImportRecord(long id, String importedBy, OffsetDateTime importedAt, String fileName, boolean fullRoll,
                           boolean validOnly, int rowsRead, int added, int changed, int leavers, int rejected) {
}
