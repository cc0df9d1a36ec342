package org.lantern.server.registers.consents;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The photo consent register's exceptions counted for an inspection: how many pupils on roll must
 * never be published, how many consents were withdrawn in a period and by how many pupils, and
 * how many takedown tasks are open and overdue. Only counts leave the database, never a pupil, a
 * reason or a publication, so they can go where the flag itself may not (the evidence pack).
 */
@Service
public class ConsentExceptions {

    private final JdbcClient jdbc;

    ConsentExceptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The counts.
     *
     * @param neverPublish     pupils on roll flagged "never publish"
     * @param usesWithdrawn    consents (one per pupil and use) withdrawn in the period
     * @param pupilsWithdrawn  pupils who withdrew at least one consent in the period
     * @param openTakedowns    takedown tasks not yet done, whenever created
     * @param overdueTakedowns those past their due date
     */
    public record Counts(long neverPublish, long usesWithdrawn, long pupilsWithdrawn, long openTakedowns,
                         long overdueTakedowns) {
    }

    /** The counts on {@code today}, with withdrawals from {@code from} to {@code to} inclusive. */
    public Counts count(LocalDate from, LocalDate to, LocalDate today) {
        long flagged = jdbc.sql("SELECT COUNT(*) FROM consent_never_publish n JOIN person p ON p.id = n.person_id "
                        + "WHERE p.leaving_date IS NULL OR p.leaving_date > :today")
                .param("today", today).query(Long.class).single();
        long uses = jdbc.sql("SELECT COUNT(*) FROM consent WHERE withdrawn_on >= :from AND withdrawn_on <= :to")
                .param("from", from).param("to", to).query(Long.class).single();
        long pupils = jdbc.sql("SELECT COUNT(DISTINCT person_id) FROM consent WHERE withdrawn_on >= :from "
                        + "AND withdrawn_on <= :to")
                .param("from", from).param("to", to).query(Long.class).single();
        long open = jdbc.sql("SELECT COUNT(*) FROM takedown_task WHERE done_at IS NULL").query(Long.class).single();
        long overdue = jdbc.sql("SELECT COUNT(*) FROM takedown_task WHERE done_at IS NULL AND due_on < :today")
                .param("today", today).query(Long.class).single();
        return new Counts(flagged, uses, pupils, open, overdue);
    }
}
