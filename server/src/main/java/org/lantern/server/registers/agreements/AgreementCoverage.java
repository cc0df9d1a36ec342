package org.lantern.server.registers.agreements;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lantern.server.people.PersonKind;
import org.lantern.server.people.YearGroup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who has signed the version of their agreements that must be signed, counted by audience, year
 * group and class, and who has not. Everyone on roll today counts: a starter from their first day
 * (unsigned until they sign), a leaver until their leaving date. A pupil counts twice: for their own
 * agreement and for their parents'. Read-only.
 */
@Service
public class AgreementCoverage {

    private final JdbcClient jdbc;
    private final AgreementTexts texts;

    AgreementCoverage(JdbcClient jdbc, AgreementTexts texts) {
        this.jdbc = jdbc;
        this.texts = texts;
    }

    /**
     * One person's place in one audience's register.
     *
     * @param personId  who
     * @param name      their name as the school uses it
     * @param kind      pupil, staff, governor or visitor
     * @param yearGroup a pupil's year group, else null
     * @param className a pupil's registration class, else null
     * @param audience  the agreement
     * @param signedOn  the day they last signed a version that counts, or null when they have not
     * @param number    the number of that version, or 0
     */
    public record Entry(long personId, String name, PersonKind kind, YearGroup yearGroup, String className,
                        Audience audience, LocalDate signedOn, int number) {
        public boolean signed() {
            return signedOn != null;
        }

        /** "Year 7", or blank for adults. */
        public String yearLabel() {
            return yearGroup == null ? "" : yearGroup.label();
        }
    }

    /**
     * The counts for one group of people.
     *
     * @param label  e.g. "Year 7" or "7A"
     * @param signed how many have signed
     * @param total  how many there are
     */
    public record Count(String label, int signed, int total) {
        public int unsigned() {
            return total - signed;
        }

        /** Whole per cent signed, 0 for an empty group. */
        public int percent() {
            return total == 0 ? 0 : (int) Math.floor(100.0 * signed / total);
        }
    }

    /**
     * One audience's coverage.
     *
     * @param audience the agreement
     * @param version  the version in force, or null when none is written
     * @param signingFrom the number of the version whose signature counts (later corrections need none)
     * @param all      everyone in the audience
     * @param byYear   by year group, for pupils and parents
     * @param byClass  by registration class, for pupils and parents
     */
    public record AudienceCoverage(Audience audience, AgreementVersion version, int signingFrom, Count all,
                                   List<Count> byYear, List<Count> byClass) {
    }

    /** Every audience's coverage on {@code today}, in the audiences' order. */
    public List<AudienceCoverage> coverage(LocalDate today) {
        Map<Audience, AgreementVersion> inForce = texts.allInForce();
        Map<Audience, List<Entry>> byAudience = new EnumMap<>(Audience.class);
        for (Entry e : entries(today)) {
            byAudience.computeIfAbsent(e.audience(), a -> new ArrayList<>()).add(e);
        }
        Map<Audience, Integer> from = texts.signingFrom();
        List<AudienceCoverage> all = new ArrayList<>();
        for (Audience audience : Audience.values()) {
            List<Entry> entries = byAudience.getOrDefault(audience, List.of());
            List<Count> byYear = List.of();
            List<Count> byClass = List.of();
            if (audience.aboutPupils()) {
                byYear = CoverageTally.byYear(entries);
                byClass = CoverageTally.byClass(entries);
            }
            all.add(new AudienceCoverage(audience, inForce.get(audience), from.getOrDefault(audience, 0),
                    CoverageTally.count(audience.label(), entries), byYear, byClass));
        }
        return all;
    }

    /**
     * The people who have not signed, optionally of one audience, year group and class, ordered by
     * audience, year, class and name.
     */
    public List<Entry> unsigned(LocalDate today, Audience audience, YearGroup year, String className) {
        return CoverageTally.unsigned(entries(today), audience, year, className);
    }

    /**
     * Every person on roll and the agreements they sign, with whether they have signed each. An
     * audience with no version yet has nobody signed.
     */
    public List<Entry> entries(LocalDate today) {
        Map<Audience, Integer> from = texts.signingFrom();
        Map<Long, Map<Audience, CoverageTally.Signature>> signatures = new HashMap<>();
        jdbc.sql("SELECT a.person_id, v.audience, v.number, a.signed_on FROM agreement_acceptance a "
                        + "JOIN agreement_version v ON v.id = a.version_id")
                .query((rs, n) -> {
                    Audience audience = Audience.valueOf(rs.getString("audience"));
                    CoverageTally.Signature s = new CoverageTally.Signature(rs.getInt("number"),
                            rs.getObject("signed_on", LocalDate.class));
                    signatures.computeIfAbsent(rs.getLong("person_id"), p -> new HashMap<>())
                            .merge(audience, s, CoverageTally.Signature::later);
                    return null;
                }).list();
        List<Entry> entries = new ArrayList<>();
        jdbc.sql("SELECT id, kind, legal_first_name, legal_last_name, preferred_first_name, year_group, registration_class "
                        + "FROM person WHERE (start_date IS NULL OR start_date <= :today) "
                        + "AND (leaving_date IS NULL OR leaving_date > :today)")
                .param("today", today)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    PersonKind kind = PersonKind.valueOf(rs.getString("kind"));
                    String preferred = rs.getString("preferred_first_name");
                    String first = preferred == null || preferred.isBlank() ? rs.getString("legal_first_name") : preferred;
                    String year = rs.getString("year_group");
                    YearGroup yearGroup = year == null ? null : YearGroup.parse(year).orElse(null);
                    for (Audience audience : Audience.of(kind, yearGroup)) {
                        entries.add(CoverageTally.entry(id, first + " " + rs.getString("legal_last_name"), kind,
                                yearGroup, rs.getString("registration_class"), audience,
                                signatures.getOrDefault(id, Map.of()).get(audience), from.get(audience)));
                    }
                    return null;
                }).list();
        return entries;
    }
}
