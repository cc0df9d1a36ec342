package org.lantern.server.alerts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lantern.server.alerts.OnCallList.OnCallPerson;
import org.lantern.server.audit.AuditChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the on-call chain owes people, through the durable {@link DeliveryOutbox} in the caller's
 * transaction: the email and webhook post to the person told, and, when every round has gone by
 * with no one acknowledging, the email to the DSL's team and the note on the alert that say so.
 * Each is an entry of the audit chain. The messages name the kind of alert, its level and link to
 * it, never the words or a name, as the alert email does.
 */
@Component
class OnCallMessages {

    /** Why the chain's messages are sent, as {@code alert_delivery.purpose} records it. */
    static final String PURPOSE = "ON_CALL";
    /** The email to the DSL's team when nobody on the list acknowledged. */
    static final String UNANSWERED = "ON_CALL_UNANSWERED";

    private static final Logger log = LoggerFactory.getLogger(OnCallMessages.class);

    private final DeliveryOutbox deliveries;
    private final AlertOutbox alertEmail;
    private final AlertRegister register;
    private final AlertNotes notes;
    private final AuditChain audit;
    private final DeliveryProperties.OnCall settings;

    OnCallMessages(DeliveryOutbox deliveries, AlertOutbox alertEmail, AlertRegister register, AlertNotes notes,
                   AuditChain audit, DeliveryProperties settings) {
        this.deliveries = deliveries;
        this.alertEmail = alertEmail;
        this.register = register;
        this.notes = notes;
        this.audit = audit;
        this.settings = settings.onCall();
    }

    /** Owes the person an email and, if they have one, a webhook post; audited. */
    void tell(long alertId, int level, OnCallPerson person, int round) {
        Alert alert = register.find(alertId).orElseThrow();
        String link = alertEmail.link(alertId);
        String roundWords = settings.rounds() > 1 ? " This is round " + round + " of " + settings.rounds()
                + " down the list." : "";
        deliveries.owe(DeliveryOutbox.Channel.EMAIL, person.email(), "Lantern on-call alert " + alertId + ": "
                + alert.kind().label(), "You are on call for Lantern's safeguarding alerts out of school hours."
                + roundWords + "\n\n" + alertEmail.message(alert, List.of(person.email())).getText()
                + "\nIf no one acknowledges it within " + settings.ackTimeout().toMinutes()
                + " minutes, the next person on the on-call list is told.\n", PURPOSE, alertId);
        if (person.webhookUrl() != null) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("text", "Lantern alert " + alertId + ": " + alert.kind().label() + ", level " + level
                    + ". Open and acknowledge it: " + link);
            json.put("kind", alert.kind().name());
            json.put("level", level);
            json.put("alertId", alertId);
            json.put("link", link);
            json.put("round", round);
            deliveries.owe(DeliveryOutbox.Channel.WEBHOOK, person.webhookUrl(), null, AlertRegister.json(json), PURPOSE,
                    alertId);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("onCall", person.id());
        detail.put("position", person.position());
        detail.put("round", round);
        detail.put("webhook", person.webhookUrl() != null);
        audit.append(SafeguardingAlerts.MONITOR, "alert.on-call-told", AlertAccessLog.ALERT, Long.toString(alertId),
                AlertRegister.json(detail));
    }

    /**
     * Says that the chain ended with nobody acknowledging: audited, a note on the alert, and an
     * email to the DSL's team (the people alert emails go to).
     */
    void unanswered(long alertId, int step, int rounds) {
        Alert alert = register.find(alertId).orElseThrow();
        String gone = rounds == 1 ? "once" : rounds + " times";
        audit.append(SafeguardingAlerts.MONITOR, "alert.on-call-unanswered", AlertAccessLog.ALERT,
                Long.toString(alertId), AlertRegister.json(Map.of("step", step, "rounds", rounds)));
        notes.append(alertId, "Nobody on the on-call list acknowledged this alert: the list was gone through " + gone
                + " and the DSL's team was emailed.", SafeguardingAlerts.MONITOR);
        List<String> to = alertEmail.recipients();
        if (to.isEmpty()) {
            log.warn("Nobody acknowledged on-call alert {} and the DSL's team cannot be told. {}", alertId,
                    AlertOutbox.NO_RECIPIENTS);
            return;
        }
        deliveries.owe(DeliveryOutbox.Channel.EMAIL, String.join(",", to), "Lantern on-call alert " + alertId
                + ": nobody acknowledged", "Nobody on the on-call list acknowledged a level-5 "
                + alert.kind().label().toLowerCase(Locale.UK) + " alert raised out of school hours. The list "
                + "was gone through " + gone + ", each person given " + settings.ackTimeout().toMinutes()
                + " minutes. Please open it now and check the on-call list:\n\n" + alertEmail.link(alertId)
                + "\n\nEmail is not a secure channel, so this message names no one and gives no words or addresses. "
                + "Please do not forward it.\n", UNANSWERED, alertId);
    }
}
