package org.lantern.server.people;

/** What an applied import did, as recorded in {@code people_import} and shown on the result page. */
public record ImportResult(long importId, String fileName, int rowsRead, int added, int changed, int leavers,
                           int rejected, StartersAndLeavers.Outcome access) {
}
