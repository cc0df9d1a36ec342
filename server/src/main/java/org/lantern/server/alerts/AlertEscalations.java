package org.lantern.server.alerts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lantern.server.identity.Permission;
import org.lantern.server.incidents.IncidentRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes an alert as escalated, linked to its incident, when the incident recorded from it (the
 * form {@link IncidentPrefill} fills in carries the alert's page among its links) is saved, so the
 * DSL's team no longer has to copy the incident's number back by hand. Only a member of the team
 * (INCIDENT_MANAGE) closes alerts; an incident recorded by anyone else leaves the alert for them.
 *
 * <p>It runs after the incident is committed, each alert in a transaction of its own: an alert
 * already closed, or one the recorder cannot close, never undoes the incident, which is the record
 * that matters.
 */
@Component
class AlertEscalations {

    private static final Logger log = LoggerFactory.getLogger(AlertEscalations.class);
    private static final Pattern ALERT_PAGE = Pattern.compile("/alerts/(\\d{1,18})");

    private final AlertTriage triage;
    private final TransactionTemplate ownTransaction;

    AlertEscalations(AlertTriage triage, PlatformTransactionManager transactions) {
        this.triage = triage;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onIncidentRecorded(IncidentRecorded event) {
        Authentication actor = SecurityContextHolder.getContext().getAuthentication();
        if (actor == null || !Permission.INCIDENT_MANAGE.heldBy(actor)) {
            return;
        }
        for (String link : event.links()) {
            Matcher page = ALERT_PAGE.matcher(link.strip());
            if (page.matches()) {
                escalate(Long.parseLong(page.group(1)), event);
            }
        }
    }

    private void escalate(long alertId, IncidentRecorded event) {
        try {
            ownTransaction.executeWithoutResult(status -> triage.change(alertId, new AlertTriage.Change(AlertStatus.CLOSED,
                    AlertOutcome.ESCALATED, event.incidentId(), "Escalated: incident " + event.incidentId()
                    + " was recorded from this alert."), event.recorder()));
        } catch (AlertNotFoundException | AlertRejectedException e) {
            // Already closed, gone, or an incident the recorder cannot open: the alert stays as it is for the team.
            log.info("Incident {} names alert {}, which was left as it is: {}", event.incidentId(), alertId, e.getMessage());
        }
    }
}
