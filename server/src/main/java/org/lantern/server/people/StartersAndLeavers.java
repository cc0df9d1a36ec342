package org.lantern.server.people;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.lantern.server.identity.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps internet access in step with who is on roll (seed 000 §7: "a member of staff may leave or a
 * pupil's access be withdrawn"). When a leaving date arrives the person's access is removed and their
 * login account disabled; when a start date arrives a starter is granted access. It runs daily just
 * after midnight, at start-up (in case the server was down at midnight) and after every import.
 * Each leaver is processed once; a starter is granted only if their access was never recorded, so a
 * manual removal is never undone by the job (nor is a returner re-granted: that is a decision for
 * a person, made from the person page), and not while an incident's sanction suspends them.
 */
@Service
public class StartersAndLeavers {

    /** The actor the register and the account audit show for this job. */
    public static final String ACTOR = "system";

    private static final Logger log = LoggerFactory.getLogger(StartersAndLeavers.class);

    private final JdbcClient jdbc;
    private final People people;
    private final Accounts accounts;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    StartersAndLeavers(JdbcClient jdbc, People people, Accounts accounts, PlatformTransactionManager transactions,
                       ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.people = people;
        this.accounts = accounts;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
    }

    /** What one run did. */
    public record Outcome(int granted, int removed, int accountsDisabled) {
    }

    @Scheduled(cron = "0 5 0 * * *", zone = "Europe/London")
    @EventListener(ApplicationReadyEvent.class)
    void daily() {
        // Called on this object, not through its proxy, so the transaction is opened here.
        Outcome outcome = transaction.execute(status -> processDue(People.today()));
        log.info("Starters and leavers: {} granted, {} removed, {} accounts disabled",
                outcome.granted(), outcome.removed(), outcome.accountsDisabled());
    }

    /** Processes every start and leaving date on or before {@code today}. */
    @Transactional
    public Outcome processDue(LocalDate today) {
        int removed = 0;
        int disabled = 0;
        List<Due> leavers = jdbc.sql("SELECT id, leaving_date AS due_on, account_id FROM person "
                        + "WHERE leaving_date <= :today AND leaver_processed_at IS NULL ORDER BY id")
                .param("today", today).query(Due::from).list();
        for (Due leaver : leavers) {
            String reason = "left on " + leaver.day();
            if (people.removeAccess(leaver.personId(), ACTOR, reason)) {
                removed++;
            }
            if (leaver.accountId() != null) {
                accounts.disable(leaver.accountId(), ACTOR, reason);
                disabled++;
            }
            jdbc.sql("UPDATE person SET leaver_processed_at = :now WHERE id = :id")
                    .param("now", People.now()).param("id", leaver.personId()).update();
        }
        if (!leavers.isEmpty()) {
            Set<Long> ids = leavers.stream().map(Due::personId).collect(Collectors.toSet());
            events.publishEvent(new PeopleChanged(ids, "leavers processed on " + today));
        }
        int granted = 0;
        List<Due> starters = jdbc.sql("SELECT id, start_date AS due_on, account_id FROM person p "
                        + "WHERE internet_access = FALSE AND (start_date IS NULL OR start_date <= :today) "
                        + "AND (leaving_date IS NULL OR leaving_date > :today) "
                        + "AND NOT EXISTS (SELECT 1 FROM internet_access_event e WHERE e.person_id = p.id) "
                        + "AND NOT EXISTS (SELECT 1 FROM access_suspension s WHERE s.person_id = p.id AND s.restored_at IS NULL) "
                        + "ORDER BY id")
                .param("today", today).query(Due::from).list();
        for (Due starter : starters) {
            String reason = starter.day() == null ? "on roll (no start date)" : "started on " + starter.day();
            if (people.grantAccess(starter.personId(), ACTOR, reason)) {
                granted++;
            }
        }
        return new Outcome(granted, removed, disabled);
    }

    private record Due(long personId, LocalDate day, Long accountId) {
        static Due from(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
            long account = rs.getLong("account_id");
            Long accountId = rs.wasNull() ? null : account;
            return new Due(rs.getLong("id"), rs.getObject("due_on", LocalDate.class), accountId);
        }
    }
}
