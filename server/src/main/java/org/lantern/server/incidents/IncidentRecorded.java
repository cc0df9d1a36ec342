package org.lantern.server.incidents;

import java.util.List;

/**
 * Published when a member of staff records an incident, so that what it was raised from (an alert,
 * named by its page's path among the links, as the alert's "record an incident" form fills them)
 * can link back to it without this package knowing those records.
 *
 * @param incidentId the new incident
 * @param links      its links and devices, as recorded
 * @param recorder   who recorded it
 */
public record IncidentRecorded(long incidentId, List<String> links, Viewer recorder) {

    public IncidentRecorded {
        links = List.copyOf(links);
    }
}
