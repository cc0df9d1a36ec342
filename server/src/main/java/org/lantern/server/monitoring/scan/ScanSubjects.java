package org.lantern.server.monitoring.scan;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.lantern.activity.ActivityRow;
import org.lantern.monitor.library.AgeBand;
import org.lantern.server.people.People;
import org.lantern.server.people.PeopleChanged;
import org.lantern.server.people.Person;
import org.lantern.server.people.PersonKind;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Who wrote what is scanned, as far as the monitor needs: the age band their words are judged for
 * and the name an alert shows. The row carries the year group it was attributed with; whether a
 * person without one is staff, and their name, come from the directory, cached (nobody included)
 * and forgotten when people change, since every scanned row asks.
 */
@Component
class ScanSubjects {

    /** The name an alert shows when the request was tied to nobody, as the filter's alerts say. */
    static final String UNKNOWN = "unknown user";
    /** Beyond this many people the cache is emptied, so it cannot grow without bound. */
    private static final int MAX_CACHED = 10_000;

    private final People people;
    private final Map<Long, Optional<Person>> cache = new ConcurrentHashMap<>();

    ScanSubjects(People people) {
        this.people = people;
    }

    /**
     * Who wrote it.
     *
     * @param band the band their words are judged for
     * @param name their name as an alert shows it
     */
    record Subject(AgeBand band, String name) {
    }

    /** @return who wrote what the row records */
    Subject of(ActivityRow row) {
        if (row.personId() == null) {
            return new Subject(AgeBands.of(row.yearGroup(), null), UNKNOWN);
        }
        Optional<Person> person = cache.get(row.personId());
        if (person == null) {
            person = people.find(row.personId());
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(row.personId(), person);
        }
        PersonKind kind = person.map(Person::kind).orElse(null);
        return new Subject(AgeBands.of(row.yearGroup(), kind), person.map(Person::displayName).orElse(UNKNOWN));
    }

    /** After the change commits, so a lookup cannot cache the old facts again. */
    @TransactionalEventListener(fallbackExecution = true)
    void onPeopleChanged(PeopleChanged event) {
        cache.clear();
    }
}
