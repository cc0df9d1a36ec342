package org.lantern.server.registers.agreements;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.lantern.server.people.PersonKind;
import org.lantern.server.people.YearGroup;
import org.lantern.server.registers.agreements.AgreementCoverage.Count;
import org.lantern.server.registers.agreements.AgreementCoverage.Entry;

/**
 * The arithmetic of {@link AgreementCoverage}, apart from the database so it can be tested on its
 * own: which signature counts (the latest of the version that must be signed or a later one), and
 * how the people in an audience are counted by year and class and listed when they have not signed.
 */
final class CoverageTally {

    private CoverageTally() {
    }

    /**
     * A person's signature of one audience's agreement.
     *
     * @param number   the version signed
     * @param signedOn the date on the form, or the day it was accepted online
     */
    record Signature(int number, LocalDate signedOn) {
        /** The later of two signatures: the higher version, or of the same version the later date. */
        static Signature later(Signature a, Signature b) {
            return a.number() != b.number() ? (a.number() > b.number() ? a : b)
                    : a.signedOn().isAfter(b.signedOn()) ? a : b;
        }
    }

    /**
     * A person's place in an audience's register: signed only when their latest signature is of the
     * version that must be signed ({@code needed}) or a later one; unsigned while the audience has
     * no version ({@code needed} null) or they never signed ({@code latest} null).
     */
    static Entry entry(long personId, String name, PersonKind kind, YearGroup yearGroup, String className,
                       Audience audience, Signature latest, Integer needed) {
        boolean signed = latest != null && needed != null && latest.number() >= needed;
        return new Entry(personId, name, kind, yearGroup, className, audience, signed ? latest.signedOn() : null,
                signed ? latest.number() : 0);
    }

    /** How many of {@code entries} have signed, out of all of them. */
    static Count count(String label, List<Entry> entries) {
        return new Count(label, (int) entries.stream().filter(Entry::signed).count(), entries.size());
    }

    /** The counts by year group, youngest first; adults (no year group) are left out. */
    static List<Count> byYear(List<Entry> entries) {
        Map<YearGroup, List<Entry>> groups = new EnumMap<>(YearGroup.class);
        entries.stream().filter(e -> e.yearGroup() != null)
                .forEach(e -> groups.computeIfAbsent(e.yearGroup(), y -> new ArrayList<>()).add(e));
        return groups.entrySet().stream().map(g -> count(g.getKey().label(), g.getValue())).toList();
    }

    /** The counts by registration class, in the classes' alphabetical order; no class or a blank one is left out. */
    static List<Count> byClass(List<Entry> entries) {
        Map<String, List<Entry>> groups = new TreeMap<>();
        entries.stream().filter(e -> e.className() != null && !e.className().isBlank())
                .forEach(e -> groups.computeIfAbsent(e.className(), c -> new ArrayList<>()).add(e));
        return groups.entrySet().stream().map(g -> count(g.getKey(), g.getValue())).toList();
    }

    /**
     * The entries not signed, of one audience, year group and class where each is given (a blank
     * class is every class; a class matches whatever its case and surrounding spaces), ordered by
     * audience, year (adults last), class (none last) and name.
     */
    static List<Entry> unsigned(List<Entry> entries, Audience audience, YearGroup year, String className) {
        return entries.stream().filter(e -> !e.signed())
                .filter(e -> audience == null || e.audience() == audience)
                .filter(e -> year == null || e.yearGroup() == year)
                .filter(e -> className == null || className.isBlank() || className.strip().equalsIgnoreCase(e.className()))
                .sorted(Comparator.comparing(Entry::audience)
                        .thenComparing(Entry::yearGroup, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Entry::className, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Entry::name))
                .toList();
    }
}
