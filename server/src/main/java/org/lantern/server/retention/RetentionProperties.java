package org.lantern.server.retention;

import java.time.Period;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long each kind of record is kept before it is listed for review
 * ({@code lantern.retention.periods.<type>}, ISO-8601 periods such as {@code P25Y}). Defaults follow
 * the IRMS Information Management Toolkit for Schools; a school's data protection officer may set
 * its own, documented, periods:
 * <ul>
 *   <li>child-protection incidents: the pupil's date of birth + 25 years (the youngest pupil named;
 *       the recording date + 25 years if a date of birth is missing), then review;</li>
 *   <li>behaviour incidents: recorded + 6 years (the limitation period for claims);</li>
 *   <li>staff incidents: recorded + 10 years (IRMS: allegations, at least 10 years);</li>
 *   <li>people who have left: leaving date + 1 year, and never while an incident names them;</li>
 *   <li>logon audit: 1 year; filter decision logs: 1 year; unblock requests: 2 years after they
 *       ended; the record-access log: 6 years, and never for a record that still exists; searches of
 *       the activity log: 6 years, as the record-access log, since they are looks at pupils'
 *       browsing.</li>
 * </ul>
 *
 * @param periods record type → how long after its starting date it is kept
 */
@ConfigurationProperties(prefix = "lantern.retention")
public record RetentionProperties(Map<RecordType, Period> periods) {

    /** The defaults described above. */
    public static final Map<RecordType, Period> DEFAULTS = Map.of(
            RecordType.CHILD_PROTECTION, Period.ofYears(25),
            RecordType.BEHAVIOUR, Period.ofYears(6),
            RecordType.STAFF_INCIDENT, Period.ofYears(10),
            RecordType.LEAVER, Period.ofYears(1),
            RecordType.LOGON_AUDIT, Period.ofYears(1),
            RecordType.RECORD_ACCESS, Period.ofYears(6),
            RecordType.UNBLOCK_REQUEST, Period.ofYears(2),
            RecordType.DECISION_LOG, Period.ofYears(1),
            RecordType.ACTIVITY_SEARCH, Period.ofYears(6));

    public RetentionProperties {
        Map<RecordType, Period> merged = new EnumMap<>(DEFAULTS);
        if (periods != null) {
            merged.putAll(periods);
        }
        periods = Map.copyOf(merged);
    }

    /** The period for one type; {@code null} for the alerts register unless one is set (its default is by school year). */
    public Period period(RecordType type) {
        return periods.get(type);
    }
}
