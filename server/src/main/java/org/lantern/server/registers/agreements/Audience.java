package org.lantern.server.registers.agreements;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.lantern.server.people.Person;
import org.lantern.server.people.PersonKind;
import org.lantern.server.people.YearGroup;

/**
 * Who an acceptable-use agreement is written for. Pupils' agreements are in words for their age,
 * so a pupil's audience follows their key stage; the youngest primary pupils (Reception to Year 2)
 * sign a different text from the older ones (Years 3 to 6), as in seed 000, where FS/KS1 pupils use
 * the class's generic login and pupils moving into KS2 keep their own password. Parents and carers
 * sign for their child, so a parents' agreement is recorded against the pupil.
 */
public enum Audience {
    KS1("Pupils: Key Stage 1 (Reception to Year 2)", true),
    KS2("Pupils: Key Stage 2 (Years 3 to 6)", true),
    KS3("Pupils: Key Stage 3 (Years 7 to 9)", true),
    KS4("Pupils: Key Stage 4 (Years 10 and 11)", true),
    POST16("Pupils: sixth form (Years 12 and 13)", true),
    STAFF("Staff", false),
    GOVERNORS("Governors", false),
    VISITORS("Visitors", false),
    PARENTS("Parents and carers", false);

    private final String label;
    private final boolean pupils;

    Audience(String label, boolean pupils) {
        this.label = label;
        this.pupils = pupils;
    }

    /** The name a school uses, e.g. "Pupils: Key Stage 3 (Years 7 to 9)". */
    public String label() {
        return label;
    }

    /** Whether this is one of the pupils' agreements. */
    public boolean pupils() {
        return pupils;
    }

    /** Whether the people it covers are pupils (the pupils' own agreements, and their parents'). */
    public boolean aboutPupils() {
        return pupils || this == PARENTS;
    }

    /**
     * The agreement a person accepts themselves: a pupil's by their key stage, or none for a pupil
     * with no year group (the school has not said which words fit them).
     */
    public static Optional<Audience> own(Person person) {
        return own(person.kind(), person.yearGroup());
    }

    /** The agreement a person of this kind and year group accepts themselves. */
    public static Optional<Audience> own(PersonKind kind, YearGroup year) {
        return switch (kind) {
            case STAFF -> Optional.of(STAFF);
            case GOVERNOR -> Optional.of(GOVERNORS);
            case VISITOR -> Optional.of(VISITORS);
            case PUPIL -> year == null ? Optional.empty() : Optional.of(switch (year.keyStage()) {
                case EYFS, KS1 -> KS1;
                case LKS2, UKS2 -> KS2;
                case KS3 -> KS3;
                case KS4 -> KS4;
                case KS5 -> POST16;
            });
        };
    }

    /** Every agreement recorded against a person: their own, and their parents' for a pupil. */
    public static List<Audience> of(Person person) {
        return of(person.kind(), person.yearGroup());
    }

    /** Every agreement recorded against a person of this kind and year group. */
    public static List<Audience> of(PersonKind kind, YearGroup year) {
        Optional<Audience> own = own(kind, year);
        if (kind == PersonKind.PUPIL) {
            return own.map(a -> List.of(a, PARENTS)).orElse(List.of(PARENTS));
        }
        return own.map(List::of).orElse(List.of());
    }

    /** Reads a name as typed in a form or a query ("ks3", "Staff"). */
    public static Optional<Audience> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
