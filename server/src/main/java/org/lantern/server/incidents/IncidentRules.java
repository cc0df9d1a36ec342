package org.lantern.server.incidents;

import java.time.Duration;
import java.util.List;

import org.lantern.policy.Sanctions;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How incidents are worked beyond their table rows.
 *
 * @param escalationPeriod a further incident for the same person within this period of an earlier
 *                         one is a continued infringement (the policies give no period; 30 days
 *                         by default, {@code lantern.incidents.escalation-period})
 * @param referralColumns  the action columns that are referrals, for which the DSL may record a
 *                         decision not to refer (DSL, headteacher, police, local authority / HR / LADO)
 * @param concernReports   how often one device may send a pupil's report
 */
@ConfigurationProperties(prefix = "lantern.incidents")
public record IncidentRules(Duration escalationPeriod, List<String> referralColumns, ConcernReportLimit concernReports) {

    public IncidentRules {
        escalationPeriod = escalationPeriod == null ? Duration.ofDays(30) : escalationPeriod;
        referralColumns = referralColumns == null
                ? List.of(Sanctions.REFER_TO_DSL, "refer-to-headteacher", Sanctions.REFER_TO_POLICE, "refer-to-la-hr", "refer-to-lado")
                : List.copyOf(referralColumns);
        concernReports = concernReports == null ? new ConcernReportLimit(null, null) : concernReports;
    }

    /** Whether an action of this column is a referral. */
    public boolean isReferral(String columnId) {
        return referralColumns.contains(columnId);
    }

    /**
     * At most {@code perAddress} reports from one network address in any {@code window}, so the
     * public form cannot be used to flood the DSL's queue. The address is held in memory only.
     *
     * @param perAddress reports allowed per address in the window (default 5)
     * @param window     the window (default 15 minutes)
     */
    public record ConcernReportLimit(Integer perAddress, Duration window) {
        public ConcernReportLimit {
            perAddress = perAddress == null ? 5 : perAddress;
            window = window == null ? Duration.ofMinutes(15) : window;
        }
    }
}
