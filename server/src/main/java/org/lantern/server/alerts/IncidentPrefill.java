package org.lantern.server.alerts;

import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.people.Person;
import org.lantern.server.people.PersonKind;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The incident form filled in from an alert, for escalating it: the person, the time, a
 * description naming the alert and a link to its page. Never the address: the DSL copies it only
 * if the guidance allows.
 *
 * <p>A child at risk is never treated as an offender. Only illegal content, "Unacceptable and
 * illegal" activity and persistent bypass attempts are things a person did, so only those put the
 * person on the record as the misuser; every other kind of alert (a safeguarding risk the monitor
 * found, and any kind added later until someone decides otherwise) is a concern about a child at
 * risk, in the child-protection file. Illegal content also starts the illegal-material path.
 */
final class IncidentPrefill {

    private static final DateTimeFormatter FORM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private IncidentPrefill() {
    }

    /** Whether escalating this kind of alert records the person as the misuser rather than as at risk. */
    static boolean misuse(AlertKind kind) {
        return kind.illegal() || kind == AlertKind.PERSISTENT_BYPASS;
    }

    /** The {@code /incidents/new} address with the form filled in. */
    static String link(Alert alert, Optional<Person> person) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/incidents/new");
        boolean misuse = misuse(alert.kind());
        Optional<Person> named = person.filter(p -> p.kind() == PersonKind.PUPIL || p.kind() == PersonKind.STAFF);
        link.queryParam("type", misuse ? "misuse" : "concern");
        named.ifPresent(p -> {
            link.queryParam("subject", p.kind().name());
            if (misuse) {
                link.queryParam("subjectIds", p.id());
            } else {
                link.queryParam("personIds", p.id()).queryParam("roles", "at-risk");
            }
        });
        link.queryParam("occurredAt", FORM_TIME.format(alert.firstSeenAt().atZone(SchoolTime.ZONE)));
        link.queryParam("description", "Raised from Lantern alert " + alert.id() + " ("
                + alert.kind().label() + ": " + alert.categoryName() + ").");
        // The incident links to the alert's page, which holds the address; the link itself carries none.
        link.queryParam("links", "/alerts/" + alert.id());
        if (alert.kind().illegal()) {
            link.queryParam("illegal", true).queryParam("kind", "CHILD_PROTECTION");
        } else if (!misuse) {
            link.queryParam("kind", "CHILD_PROTECTION");
        }
        return link.encode().build().toUriString();
    }
}
