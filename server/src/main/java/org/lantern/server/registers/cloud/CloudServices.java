package org.lantern.server.registers.cloud;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
 * The approved cloud services list (seed 003 section 1.5.1) and requests for new ones. Any member
 * of staff may ask for a service; it is approved only once both the ICT manager and a senior leader
 * have approved it, as two different people, and either may refuse it with a reason. Every request,
 * approval, refusal and change of details is appended to the audit chain ({@code cloud.*}).
 */
@Service
public class CloudServices {

    static final String RECORD_TYPE = "cloud-service";
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 1000;
    /** Who decided a service the policy itself lists. */
    static final String POLICY = "policy";

    private final JdbcClient jdbc;
    private final AuditChain audit;

    CloudServices(JdbcClient jdbc, AuditChain audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * A service as asked for, or its details as changed.
     *
     * @param name       its name (ignored on a change)
     * @param purpose    what it is for
     * @param dataHeld   what personal data it would hold
     * @param dpiaDone   whether a DPIA was done
     * @param dpaInPlace whether a data-processing agreement is in place
     */
    public record Details(String name, String purpose, String dataHeld, boolean dpiaDone, boolean dpaInPlace) {
    }

    /** Every service of a status (or all, for null), by name. */
    public List<CloudService> list(CloudService.Status status) {
        return jdbc.sql("SELECT * FROM cloud_service" + (status == null ? "" : " WHERE status = :s") + " ORDER BY name_key")
                .params(status == null ? Map.of() : Map.of("s", status.name())).query(CloudServices::map).list();
    }

    public Optional<CloudService> find(long id) {
        return jdbc.sql("SELECT * FROM cloud_service WHERE id = :id").param("id", id).query(CloudServices::map).optional();
    }

    /**
     * Asks for a new service to be approved.
     *
     * @throws RegisterException for missing or over-long details, or a service already on the list (conflict)
     */
    @Transactional
    public CloudService request(Details details, String actor) {
        String name = CloudRules.strip(details.name());
        RegisterException.refuseIfAny(CloudRules.requestProblems(details));
        refuseDuplicate(name);
        CloudService service = insert(name, details, CloudService.Status.REQUESTED, actor, null);
        audited("cloud.requested", service, actor, Map.of("name", name));
        return service;
    }

    /**
     * Adds a service the policy in force lists as approved, unless one of that name is on the list.
     *
     * @return whether it was added
     */
    @Transactional
    public boolean addFromPolicy(String name, String note) {
        if (byName(name).isPresent()) {
            return false;
        }
        String purpose = "Listed as approved in the school's ICT policy" + (note.isBlank() ? "." : ": " + note + ".");
        CloudService service = insert(name, new Details(name, purpose, "Not yet recorded.", false, false),
                CloudService.Status.APPROVED, POLICY, POLICY);
        audited("cloud.listed-by-policy", service, POLICY, Map.of("name", name));
        return true;
    }

    /**
     * One approver's approval; the service is approved once both have given theirs.
     *
     * @throws RegisterNotFoundException when there is no such service
     * @throws RegisterException         (conflict) when it is not waiting, this approver has already
     *                                   approved it, or the same person approved it as the other approver
     */
    @Transactional
    public CloudService approve(long id, Approver approver, String actor) {
        CloudService s = waiting(id);
        CloudRules.checkApproval(s, approver, actor);
        String theirs = CloudRules.theirs(s, approver);
        OffsetDateTime now = now();
        String column = approver == Approver.ICT ? "ict" : "senior";
        jdbc.sql("UPDATE cloud_service SET " + column + "_approved_by = :by, " + column + "_approved_at = :at "
                + "WHERE id = :id").param("by", actor).param("at", now).param("id", id).update();
        if (theirs != null) {
            jdbc.sql("UPDATE cloud_service SET status = 'APPROVED', decided_by = :by, decided_at = :at WHERE id = :id")
                    .param("by", CloudRules.decidedBy(approver, actor, theirs))
                    .param("at", now).param("id", id).update();
        }
        CloudService after = find(id).orElseThrow();
        audited("cloud.approved", after, actor, Map.of("as", approver.name(), "status", after.status().name()));
        return after;
    }

    /**
     * Refuses a waiting service, with the reason the requester is shown.
     *
     * @throws RegisterNotFoundException when there is no such service
     * @throws RegisterException         for no reason, or (conflict) a service not waiting
     */
    @Transactional
    public CloudService refuse(long id, Approver approver, String reason, String actor) {
        String why = CloudRules.refusalReason(reason);
        waiting(id);
        jdbc.sql("UPDATE cloud_service SET status = 'REFUSED', decided_by = :by, decided_at = :at, refusal_reason = :r "
                + "WHERE id = :id").param("by", actor).param("at", now()).param("r", why).param("id", id).update();
        CloudService after = find(id).orElseThrow();
        audited("cloud.refused", after, actor, Map.of("as", approver.name()));
        return after;
    }

    /**
     * Changes a service's purpose, data and data-protection details; its name and decision stay.
     *
     * @throws RegisterNotFoundException when there is no such service
     * @throws RegisterException         for missing or over-long details
     */
    @Transactional
    public CloudService update(long id, Details details, String actor) {
        get(id);
        RegisterException.refuseIfAny(CloudRules.detailsProblems(details));
        jdbc.sql("UPDATE cloud_service SET purpose = :p, data_held = :d, dpia_done = :dpia, dpa_in_place = :dpa "
                        + "WHERE id = :id")
                .param("p", CloudRules.strip(details.purpose())).param("d", CloudRules.strip(details.dataHeld()))
                .param("dpia", details.dpiaDone()).param("dpa", details.dpaInPlace()).param("id", id).update();
        CloudService after = get(id);
        audited("cloud.details-changed", after, actor, Map.of("dpiaDone", after.dpiaDone(), "dpaInPlace",
                after.dpaInPlace()));
        return after;
    }

    private CloudService get(long id) {
        return find(id).orElseThrow(() -> new RegisterNotFoundException("There is no cloud service " + id + "."));
    }

    private CloudService waiting(long id) {
        CloudService s = get(id);
        CloudRules.checkWaiting(s);
        return s;
    }

    private void refuseDuplicate(String name) {
        Optional<CloudService> same = byName(name);
        if (same.isPresent()) {
            throw RegisterException.conflict(CloudRules.duplicate(same.get()));
        }
    }

    private Optional<CloudService> byName(String name) {
        return jdbc.sql("SELECT * FROM cloud_service WHERE name_key = :k").param("k", CloudRules.key(name))
                .query(CloudServices::map).optional();
    }

    private CloudService insert(String name, Details details, CloudService.Status status, String actor, String decidedBy) {
        OffsetDateTime now = now();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO cloud_service (name, name_key, purpose, data_held, dpia_done, dpa_in_place, status, "
                        + "requested_by, requested_at, decided_by, decided_at) "
                        + "VALUES (:name, :key, :p, :d, :dpia, :dpa, :status, :by, :at, :decidedBy, :decidedAt)")
                .param("name", name).param("key", CloudRules.key(name)).param("p", CloudRules.strip(details.purpose()))
                .param("d", CloudRules.strip(details.dataHeld())).param("dpia", details.dpiaDone())
                .param("dpa", details.dpaInPlace()).param("status", status.name()).param("by", actor).param("at", now)
                .param("decidedBy", decidedBy).param("decidedAt", decidedBy == null ? null : now)
                .update(key, "id");
        return get(key.getKeyAs(Number.class).longValue());
    }

    private void audited(String action, CloudService s, String actor, Map<String, Object> extra) {
        Map<String, Object> detail = new LinkedHashMap<>(extra);
        detail.put("status", s.status().name());
        audit.append(actor, action, RECORD_TYPE, Long.toString(s.id()), RegisterJson.of(detail));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    static CloudService map(ResultSet rs, int row) throws SQLException {
        return new CloudService(rs.getLong("id"), rs.getString("name"), rs.getString("purpose"),
                rs.getString("data_held"), rs.getBoolean("dpia_done"), rs.getBoolean("dpa_in_place"),
                CloudService.Status.valueOf(rs.getString("status")), rs.getString("requested_by"),
                rs.getObject("requested_at", OffsetDateTime.class), rs.getString("ict_approved_by"),
                rs.getObject("ict_approved_at", OffsetDateTime.class), rs.getString("senior_approved_by"),
                rs.getObject("senior_approved_at", OffsetDateTime.class), rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getString("refusal_reason"));
    }
}
