package org.lantern.server.registers.consents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.lantern.server.people.PersonKind;
import org.lantern.server.people.YearGroup;
import org.springframework.stereotype.Service;

/**
 * For which uses each pupil may appear, from their consents and the never-publish flag. A flagged
 * pupil may appear in nothing, and is shown exactly like a pupil with no consent at all, so the
 * lists made from here (the "who may not be photographed" list, the CSV export, a refused
 * publication) never reveal the flag to staff who do not hold CONSENTS_NEVER_PUBLISH.
 */
@Service
public class WhoMayAppear {

    private final People people;
    private final Consents consents;
    private final NeverPublish neverPublish;

    WhoMayAppear(People people, Consents consents, NeverPublish neverPublish) {
        this.people = people;
        this.consents = consents;
        this.neverPublish = neverPublish;
    }

    /**
     * One pupil and the uses they may not appear in.
     *
     * @param pupil      the pupil
     * @param consents   their consents by use
     * @param notAllowed the uses they may not appear in today
     */
    public record Pupil(Person pupil, Map<PhotoUse, Consent> consents, Set<PhotoUse> notAllowed) {
        /** Whether they may appear in nothing at all. */
        public boolean noPhotos() {
            return notAllowed.size() == PhotoUse.values().length;
        }

        /** Whether they may appear in this use. */
        public boolean mayAppear(PhotoUse use) {
            return !notAllowed.contains(use);
        }
    }

    /**
     * Pupils on roll on {@code day}, by class then name, optionally only those of some classes or a
     * year group.
     *
     * @param classes registration classes (a trip can take several), or empty for all
     * @param year    a year group, or null for all
     */
    public List<Pupil> pupils(LocalDate day, Set<String> classes, YearGroup year) {
        Map<Long, Map<PhotoUse, Consent>> all = consents.all();
        Set<Long> flagged = neverPublish.flagged();
        List<Pupil> rows = new ArrayList<>();
        for (Person p : people.list(PersonKind.PUPIL)) {
            if (p.hasLeft(day) || (p.startDate() != null && p.startDate().isAfter(day))
                    || (!classes.isEmpty() && !classes.contains(p.registrationClass()))
                    || (year != null && p.yearGroup() != year)) {
                continue;
            }
            rows.add(of(p, all.getOrDefault(p.id(), Map.of()), flagged.contains(p.id()), day));
        }
        rows.sort(Comparator.comparing((Pupil r) -> r.pupil().registrationClass() == null ? "" : r.pupil().registrationClass())
                .thenComparing(r -> r.pupil().legalLastName()).thenComparing(r -> r.pupil().legalFirstName()));
        return rows;
    }

    /** One pupil. */
    public Pupil pupil(Person pupil, LocalDate day) {
        return of(pupil, consents.of(pupil.id()), neverPublish.flagged().contains(pupil.id()), day);
    }

    /** The registration classes pupils are in, in order. */
    public List<String> classes() {
        return people.list(PersonKind.PUPIL).stream().map(Person::registrationClass).filter(c -> c != null && !c.isBlank())
                .distinct().sorted(Comparator.comparing((String c) -> c.length()).thenComparing(c -> c)).toList();
    }

    private static Pupil of(Person p, Map<PhotoUse, Consent> consents, boolean flagged, LocalDate day) {
        Set<PhotoUse> not = EnumSet.noneOf(PhotoUse.class);
        for (PhotoUse use : PhotoUse.values()) {
            Consent c = consents.get(use);
            if (flagged || c == null || !c.allowsOn(day)) {
                not.add(use);
            }
        }
        return new Pupil(p, consents, not);
    }
}
