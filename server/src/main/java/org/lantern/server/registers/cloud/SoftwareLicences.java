package org.lantern.server.registers.cloud;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lantern.server.audit.AuditChain;
import org.lantern.server.registers.RegisterException;
import org.lantern.server.registers.RegisterJson;
import org.lantern.server.registers.RegisterNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The software licences register: proof of licence for each product and when it expires, with the
 * ones expiring within {@value #DUE_SOON_DAYS} days listed so they are renewed in time. Each change
 * is appended to the audit chain ({@code licence.saved}).
 */
@Service
public class SoftwareLicences {

    static final String RECORD_TYPE = "software-licence";
    /** How far ahead an expiry is listed as due. */
    public static final int DUE_SOON_DAYS = 60;
    static final int MAX_TEXT = 200;

    private final JdbcClient jdbc;
    private final AuditChain audit;

    SoftwareLicences(JdbcClient jdbc, AuditChain audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * A licence as typed.
     *
     * @param product   required
     * @param supplier  optional
     * @param reference required: what proves the licence
     * @param seats     optional, positive
     * @param expiresOn optional
     */
    public record Form(String product, String supplier, String reference, Integer seats, LocalDate expiresOn) {
    }

    /** Every licence, soonest expiry first, perpetual ones last. */
    public List<SoftwareLicence> list() {
        return jdbc.sql("SELECT * FROM software_licence ORDER BY CASE WHEN expires_on IS NULL THEN 1 ELSE 0 END, "
                + "expires_on, product").query(SoftwareLicences::map).list();
    }

    /** The licences expired or expiring within {@value #DUE_SOON_DAYS} days of {@code today}. */
    public List<SoftwareLicence> dueSoon(LocalDate today) {
        return list().stream().filter(l -> l.dueWithin(DUE_SOON_DAYS, today)).toList();
    }

    public Optional<SoftwareLicence> find(long id) {
        return jdbc.sql("SELECT * FROM software_licence WHERE id = :id").param("id", id).query(SoftwareLicences::map)
                .optional();
    }

    /** Adds a licence. @throws RegisterException for a missing product or reference, or bad seats */
    @Transactional
    public SoftwareLicence create(Form form, String actor) {
        RegisterException.refuseIfAny(CloudRules.licenceProblems(form));
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO software_licence (product, supplier, reference, seats, expires_on, changed_by, changed_at) "
                        + "VALUES (:p, :s, :r, :seats, :exp, :by, :at)")
                .param("p", form.product().strip()).param("s", CloudRules.strip(form.supplier()))
                .param("r", form.reference().strip()).param("seats", form.seats()).param("exp", form.expiresOn())
                .param("by", actor).param("at", OffsetDateTime.now(ZoneOffset.UTC)).update(key, "id");
        SoftwareLicence licence = find(key.getKeyAs(Number.class).longValue()).orElseThrow();
        audited(licence, actor);
        return licence;
    }

    /** Changes a licence (a renewal: its new expiry and reference). */
    @Transactional
    public SoftwareLicence update(long id, Form form, String actor) {
        find(id).orElseThrow(() -> new RegisterNotFoundException("There is no licence " + id + "."));
        RegisterException.refuseIfAny(CloudRules.licenceProblems(form));
        jdbc.sql("UPDATE software_licence SET product = :p, supplier = :s, reference = :r, seats = :seats, "
                        + "expires_on = :exp, changed_by = :by, changed_at = :at WHERE id = :id")
                .param("p", form.product().strip()).param("s", CloudRules.strip(form.supplier()))
                .param("r", form.reference().strip()).param("seats", form.seats()).param("exp", form.expiresOn())
                .param("by", actor).param("at", OffsetDateTime.now(ZoneOffset.UTC)).param("id", id).update();
        SoftwareLicence licence = find(id).orElseThrow();
        audited(licence, actor);
        return licence;
    }

    private void audited(SoftwareLicence l, String actor) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("product", l.product());
        detail.put("expiresOn", l.expiresOn() == null ? null : l.expiresOn().toString());
        audit.append(actor, "licence.saved", RECORD_TYPE, Long.toString(l.id()), RegisterJson.of(detail));
    }

    static SoftwareLicence map(ResultSet rs, int row) throws SQLException {
        int seats = rs.getInt("seats");
        Integer seatCount = rs.wasNull() ? null : seats;
        return new SoftwareLicence(rs.getLong("id"), rs.getString("product"), rs.getString("supplier"),
                rs.getString("reference"), seatCount, rs.getObject("expires_on", LocalDate.class));
    }
}
