package org.lantern.server.reports;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.lantern.activity.ActivityStore;
import org.lantern.activity.ActivityStore.ActivityQuery;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.http.Show;
import org.lantern.server.policy.PolicyService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The part of the governors' report beyond incidents: what the filter and monitoring did (alerts,
 * bypass attempts, unblock requests) and the data protection registers (breaches, subject access
 * requests), counted for one school year with the same small-number suppression as the incident
 * counts. Only counts by kind, category, outcome or month leave the database: no names, addresses
 * or free text. Blocked requests are counted by category from the activity log: the store gives
 * the counts grouped, so no row of anyone's browsing reaches the report.
 */
@Service
public class FilteringOversight {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    /** More categories than any filter has, so that every blocked category is counted. */
    static final int MAX_CATEGORIES = 1_000;

    private final JdbcClient jdbc;
    private final ActivityStore activity;
    private final PolicyService policies;

    FilteringOversight(JdbcClient jdbc, ActivityStore activity, PolicyService policies) {
        this.jdbc = jdbc;
        this.activity = activity;
        this.policies = policies;
    }

    /**
     * The counts for one school year.
     *
     * @param blockedByCategory requests the filter blocked, by category, from the activity log
     * @param bypassByMonth     bypass attempts by month, September first
     * @param alertsByKind      filter alerts by kind
     * @param unblocksByOutcome unblock requests by where they stand
     * @param breakdowns        every breakdown in the order the report shows them, these four among them
     */
    public record Oversight(Breakdown blockedByCategory, Breakdown bypassByMonth, Breakdown alertsByKind,
                            Breakdown unblocksByOutcome, List<Breakdown> breakdowns) {
        public Oversight {
            breakdowns = List.copyOf(breakdowns);
        }
    }

    /** The counts for {@code year}. */
    @Transactional(readOnly = true)
    public Oversight build(SchoolYear year) {
        Map<String, Long> months = new LinkedHashMap<>();
        year.months().forEach(m -> months.put(MONTH.format(m), 0L));
        jdbc.sql("SELECT attempted_at FROM bypass_attempt WHERE attempted_at >= :from AND attempted_at < :to")
                .params(period(year))
                .query((rs, n) -> YearMonth.from(rs.getObject("attempted_at", OffsetDateTime.class)
                        .atZoneSameInstant(SchoolTime.ZONE)))
                .list().forEach(m -> months.merge(MONTH.format(m), 1L, Long::sum));
        Breakdown bypassByMonth = counted("Bypass attempts by month", months);
        Breakdown alertsByKind = counted("Filter alerts by kind", words(grouped(
                "SELECT kind AS label, COUNT(*) AS n FROM filter_alert "
                        + "WHERE first_seen_at >= :from AND first_seen_at < :to GROUP BY kind ORDER BY kind", year)));
        Breakdown unblocksByOutcome = counted("Unblock requests by outcome", words(grouped(
                "SELECT status AS label, COUNT(*) AS n FROM unblock_request "
                        + "WHERE requested_at >= :from AND requested_at < :to GROUP BY status ORDER BY status", year)));
        Breakdown blockedByCategory = counted("Blocked requests by category", blocked(year));
        return new Oversight(blockedByCategory, bypassByMonth, alertsByKind, unblocksByOutcome, List.of(
                blockedByCategory,
                bypassByMonth,
                counted("Bypass attempts by category", grouped(
                        "SELECT category AS label, COUNT(*) AS n FROM bypass_attempt "
                                + "WHERE attempted_at >= :from AND attempted_at < :to GROUP BY category ORDER BY category", year)),
                alertsByKind,
                counted("Filter alerts by category", grouped(
                        "SELECT category_name AS label, COUNT(*) AS n FROM filter_alert "
                                + "WHERE first_seen_at >= :from AND first_seen_at < :to GROUP BY category_name ORDER BY category_name", year)),
                unblocksByOutcome,
                counted("Data breaches, by whether reported to the ICO", grouped(
                        "SELECT CASE WHEN reported_at IS NULL THEN 'Not reported' ELSE 'Reported to the ICO' END AS label, "
                                + "COUNT(*) AS n FROM data_breach WHERE aware_at >= :from AND aware_at < :to "
                                + "GROUP BY CASE WHEN reported_at IS NULL THEN 'Not reported' ELSE 'Reported to the ICO' END", year)),
                counted("Subject access requests by status", words(grouped(
                        "SELECT status AS label, COUNT(*) AS n FROM subject_access_request "
                                + "WHERE received_on >= :first AND received_on <= :last GROUP BY status ORDER BY status", year)))));
    }

    /** The year's blocked requests by category, as the policy in force names it, in name order. */
    private Map<String, Long> blocked(SchoolYear year) {
        ActivityQuery inYear = new ActivityQuery(year.start().toInstant(), year.end().toInstant(), null, null, null,
                null, null, null, null, null, null, null);
        Map<String, Long> counts = new TreeMap<>();
        activity.topBlockedCategories(inYear, MAX_CATEGORIES)
                .forEach(c -> counts.merge(policies.categoryName(c.key()), c.count(), Long::sum));
        return new LinkedHashMap<>(counts);
    }

    private Map<String, Long> grouped(String sql, SchoolYear year) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Object> params = new LinkedHashMap<>(period(year));
        params.put("first", year.firstDay());
        params.put("last", year.lastDay());
        jdbc.sql(sql).params(params).query(rs -> {
            counts.merge(rs.getString("label"), rs.getLong("n"), Long::sum);
        });
        return counts;
    }

    private static Map<String, Object> period(SchoolYear year) {
        return Map.of("from", year.start().withOffsetSameInstant(ZoneOffset.UTC),
                "to", year.end().withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static Map<String, Long> words(Map<String, Long> byCode) {
        Map<String, Long> byWords = new LinkedHashMap<>();
        byCode.forEach((code, n) -> byWords.merge(Show.wordsOf(code), n, Long::sum));
        return byWords;
    }

    private static Breakdown counted(String title, Map<String, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return GovernorsReports.breakdown(title, counts, SmallNumbers.Range.published(total), SmallNumbers.headline(total));
    }
}
