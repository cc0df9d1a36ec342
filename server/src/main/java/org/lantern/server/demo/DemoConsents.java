package org.lantern.server.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.lantern.server.people.PersonKind;
import org.lantern.server.people.YearGroup;
import org.lantern.server.registers.consents.ConsentForm;
import org.lantern.server.registers.consents.Consents;
import org.lantern.server.registers.consents.NeverPublish;
import org.lantern.server.registers.consents.NeverPublishReason;
import org.lantern.server.registers.consents.PhotoUse;
import org.lantern.server.registers.consents.Publication;
import org.lantern.server.registers.consents.Publications;
import org.lantern.server.registers.consents.TakedownTask;
import org.lantern.server.registers.consents.Takedowns;
import org.lantern.server.registers.consents.WhoMayAppear;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo school's photo and video consents, made through the register's own services: forms
 * returned at the start of term (most parents agree to everything, some refuse the press or social
 * media, a few forms never come back; pupils from Year 7 are asked too); two pupils who must never
 * appear (an adoption and a court order); a term of publications; and three withdrawals with their
 * takedown tasks: one done, one open and overdue, one open and due. Its own fixed-seed random
 * numbers, so the rest of the story draws as before.
 */
@Component
@ConditionalOnProperty(name = "lantern.mode", havingValue = "demo")
@Order(2)
class DemoConsents implements DemoRegister {

    private static final long SEED = 20_251_103L;
    private static final int FORMS_RETURNED_DAYS_AGO = 44;
    private static final String OWNER = "head";

    private final People people;
    private final Consents consents;
    private final NeverPublish neverPublish;
    private final Publications publications;
    private final Takedowns takedowns;
    private final WhoMayAppear whoMayAppear;

    DemoConsents(People people, Consents consents, NeverPublish neverPublish, Publications publications,
                 Takedowns takedowns, WhoMayAppear whoMayAppear) {
        this.people = people;
        this.consents = consents;
        this.neverPublish = neverPublish;
        this.publications = publications;
        this.takedowns = takedowns;
        this.whoMayAppear = whoMayAppear;
    }

    @Override
    public void seed(DemoCalendar calendar) {
        Random random = new Random(SEED);
        LocalDate today = calendar.today();
        LocalDate returned = today.minusDays(FORMS_RETURNED_DAYS_AGO);
        List<Person> pupils = people.list(PersonKind.PUPIL).stream().filter(p -> !p.hasLeft(today)).toList();
        for (Person p : pupils) {
            if (random.nextInt(100) < 6) {
                continue;
            }
            boolean refusesPress = random.nextInt(100) < 12;
            boolean refusesSocial = random.nextInt(100) < 15;
            LocalDate on = returned.plusDays(random.nextInt(14));
            Boolean pupilAgreed = asked(p) ? Boolean.valueOf(random.nextInt(100) >= 3) : null;
            String parent = (random.nextBoolean() ? "Mrs " : "Mr ") + p.legalLastName();
            for (PhotoUse use : PhotoUse.values()) {
                boolean granted = !(use == PhotoUse.PRESS && refusesPress || use == PhotoUse.SOCIAL_MEDIA && refusesSocial);
                consents.record(p.id(), new ConsentForm(use, granted, parent, pupilAgreed, on, null), null, null, "demo",
                        Consents.Mode.EITHER);
            }
        }
        neverPublish.set(pupils.get(17).id(), NeverPublishReason.ADOPTED,
                "Adopted; birth family live locally. No image or name anywhere.", "dsl");
        neverPublish.set(pupils.get(61).id(), NeverPublishReason.COURT_ORDER,
                "Court order: the child's whereabouts must not be disclosed.", "dsl");

        List<Long> year4 = appearing(today.minusDays(30), PhotoUse.WEBSITE, "4A", "4B");
        record(PhotoUse.WEBSITE, "Harvest festival gallery", "https://astley-park.example/news/harvest",
                today.minusDays(30), year4);
        Publication farm = record(PhotoUse.SOCIAL_MEDIA, "Year 4 at the farm", "The school's Instagram account",
                today.minusDays(26), appearing(today.minusDays(26), PhotoUse.SOCIAL_MEDIA, "4A"));
        Publication match = record(PhotoUse.PRESS, "Under-14s county final", "Astley Gazette, sports pages",
                today.minusDays(21), appearing(today.minusDays(21), PhotoUse.PRESS, "9A", "9B"));
        record(PhotoUse.DISPLAYS, "Art week display", "Main corridor, ground floor", today.minusDays(18),
                appearing(today.minusDays(18), PhotoUse.DISPLAYS, "6A", "6B"));
        record(PhotoUse.WEBSITE, "Autumn newsletter", "https://astley-park.example/newsletters/autumn",
                today.minusDays(16), year4.subList(0, Math.min(4, year4.size())));

        // A website withdrawal, taken down at once: both of the pupil's website publications, one done.
        List<TakedownTask> website = consents.withdraw(year4.getFirst(), Set.of(PhotoUse.WEBSITE), today.minusDays(4),
                "Mrs " + people.get(year4.getFirst()).legalLastName(), "demo");
        takedowns.done(website.getFirst().id(), "Removed from the gallery and the page re-published.", OWNER);
        // A social-media withdrawal twelve days ago, whose takedown is overdue.
        long social = farm.pupils().stream().map(Publication.Appearing::personId).filter(id -> id != year4.getFirst())
                .findFirst().orElseThrow();
        consents.withdraw(social, Set.of(PhotoUse.SOCIAL_MEDIA), today.minusDays(12),
                "Mr " + people.get(social).legalLastName(), "demo");
        // A press withdrawal two days ago: the newspaper has been asked, the task is open and not yet due.
        long press = match.pupils().getFirst().personId();
        consents.withdraw(press, Set.of(), today.minusDays(2), "Mrs " + people.get(press).legalLastName(), "demo");
    }

    /** Pupils are asked themselves from Year 7. */
    private static boolean asked(Person p) {
        return p.yearGroup() != null && p.yearGroup().ordinal() >= YearGroup.Y7.ordinal();
    }

    private List<Long> appearing(LocalDate on, PhotoUse use, String... classes) {
        return new ArrayList<>(whoMayAppear.pupils(on, new LinkedHashSet<>(List.of(classes)), null).stream()
                .filter(r -> r.mayAppear(use)).map(r -> r.pupil().id()).toList());
    }

    private Publication record(PhotoUse use, String title, String location, LocalDate on, List<Long> pupils) {
        return publications.record(new Publications.Draft(use, title, location, on, OWNER, new LinkedHashSet<>(pupils)),
                "demo");
    }
}
