package org.lantern.server.incidents.evidence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The chain of custody of evidence items: every add, view, download and export is a custody row
 * and an {@link AuditChain} entry holding the item's SHA-256, and stored bytes are checked against
 * the digest recorded when they were added before they leave Lantern.
 */
@Component
class EvidenceCustody {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceCustody.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final AuditChain audit;

    EvidenceCustody(JdbcClient jdbc, AuditChain audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** One custody row and its audit-chain entry, in the caller's transaction. */
    void record(Evidence item, CustodyAction action, String digest, Viewer viewer, Channel channel,
                Map<String, Object> extra) {
        jdbc.sql("INSERT INTO evidence_custody (evidence_id, occurred_at, account_id, username, action, sha256, channel) "
                        + "VALUES (:id, :at, :account, :username, :action, :sha, :channel)")
                .param("id", item.id()).param("at", OffsetDateTime.now(ZoneOffset.UTC))
                .param("account", viewer.accountId()).param("username", viewer.username())
                .param("action", action.name()).param("sha", digest).param("channel", channel.name()).update();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("incidentId", item.incidentId());
        detail.put("sha256", digest);
        detail.put("channel", channel.name());
        detail.putAll(extra);
        audit.append(viewer.username(), "evidence." + action.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                EvidenceService.RECORD_TYPE, Long.toString(item.id()), json(detail));
    }

    /** An item's chain of custody, oldest first. */
    List<Custody> of(long evidenceId) {
        return jdbc.sql("SELECT occurred_at, username, action, sha256, channel FROM evidence_custody "
                        + "WHERE evidence_id = :id ORDER BY id").param("id", evidenceId)
                .query((rs, n) -> new Custody(Evidence.school(rs.getObject("occurred_at", OffsetDateTime.class)),
                        rs.getString("username"), CustodyAction.valueOf(rs.getString("action")),
                        rs.getString("sha256"), Channel.valueOf(rs.getString("channel"))))
                .list();
    }

    /**
     * The item's stored bytes, after checking they still match their SHA-256.
     *
     * @throws EvidenceTamperedException if they changed: not served, and the refusal is a custody entry
     */
    byte[] verifiedContent(Evidence item, Viewer viewer, Channel channel) {
        byte[] content = jdbc.sql("SELECT content FROM evidence_content WHERE evidence_id = :id")
                .param("id", item.id()).query((rs, n) -> rs.getBytes("content")).optional().orElse(new byte[0]);
        String found = EvidenceService.sha256(content);
        if (!found.equals(item.sha256())) {
            LOG.error("TAMPERING: evidence {} of incident {} has SHA-256 {} but {} was recorded when it was added; "
                    + "refused to {}", item.id(), item.incidentId(), found, item.sha256(), viewer.username());
            record(item, CustodyAction.TAMPERING_DETECTED, found, viewer, channel, Map.of("expectedSha256", item.sha256()));
            throw new EvidenceTamperedException(item.id());
        }
        return content;
    }

    private static String json(Map<String, Object> detail) {
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialise", e);
        }
    }
}
