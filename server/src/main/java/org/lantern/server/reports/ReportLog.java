package org.lantern.server.reports;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every generation of a report: who made which report, for which period, in which format, when.
 * Even an anonymised report is a view of safeguarding records, so the school can say who has
 * taken copies of it.
 */
@Component
public class ReportLog {

    private static final Logger LOG = LoggerFactory.getLogger(ReportLog.class);

    private final JdbcClient jdbc;

    ReportLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The formats a report is generated in. */
    public enum Format { HTML, PDF, JSON }

    /**
     * One generation of a report.
     *
     * @param report      e.g. {@code governors}
     * @param period      e.g. {@code 2024/25}
     * @param format      HTML, PDF or JSON
     * @param generatedBy the username
     * @param generatedAt when (UTC)
     */
    public record Generation(String report, String period, Format format, String generatedBy, OffsetDateTime generatedAt) {
    }

    /** Records that {@code user} generated {@code report} for {@code period}. */
    @Transactional
    public void generated(String report, String period, Format format, String user) {
        LOG.info("{} generated the {} report for {} as {}", user, report, period, format);
        jdbc.sql("INSERT INTO report_generation (report, period, report_format, generated_by, generated_at) "
                        + "VALUES (:report, :period, :format, :by, :at)")
                .param("report", report).param("period", period).param("format", format.name()).param("by", user)
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).update();
    }

    /** The generations of one report, newest first. */
    public List<Generation> of(String report) {
        return jdbc.sql("SELECT report, period, report_format, generated_by, generated_at FROM report_generation "
                        + "WHERE report = :report ORDER BY id DESC")
                .param("report", report)
                .query((rs, n) -> new Generation(rs.getString("report"), rs.getString("period"),
                        Format.valueOf(rs.getString("report_format")), rs.getString("generated_by"),
                        rs.getObject("generated_at", OffsetDateTime.class)))
                .list();
    }
}
