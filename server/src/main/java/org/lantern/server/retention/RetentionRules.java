package org.lantern.server.retention;

import java.time.LocalDate;
import java.time.Month;
import java.time.Period;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

import org.lantern.policy.Sanctions;
import org.lantern.server.reports.SchoolYear;
import org.springframework.stereotype.Component;

/**
 * When a record's retention period ends, from the configured periods. Pure date arithmetic, so the
 * rules are tested with fixed dates.
 */
@Component
public class RetentionRules {

    /** How the page says the default of the types kept for the school year and a term. */
    static final String SCHOOL_YEAR_AND_TERM = "the current school year and the summer term before it (from 1 April)";

    private final RetentionProperties properties;

    RetentionRules(RetentionProperties properties) {
        this.properties = properties;
    }

    /**
     * When an incident's retention ends and why.
     *
     * @param due   the first day it is past retention
     * @param basis the rule in words, e.g. "date of birth 01/03/1995 + 25 years"
     */
    public record Due(LocalDate due, String basis) {
    }

    /**
     * Which retention rule an incident follows: pupil incidents filed as child protection, or
     * referred to the DSL or the police, are child-protection records (a referral keeps the longer
     * period even when the record was filed as behaviour); other pupil incidents behaviour records.
     */
    public RecordType incidentType(boolean aboutStaff, boolean filedAsChildProtection, Collection<String> actionColumns) {
        if (aboutStaff) {
            return RecordType.STAFF_INCIDENT;
        }
        return filedAsChildProtection || actionColumns.contains(Sanctions.REFER_TO_DSL) || actionColumns.contains(Sanctions.REFER_TO_POLICE)
                ? RecordType.CHILD_PROTECTION : RecordType.BEHAVIOUR;
    }

    /**
     * When an incident's retention ends. A child-protection record runs from the youngest pupil's
     * date of birth, so no child's record goes early; without every date of birth it runs from the
     * day it was recorded, which is always later.
     *
     * @param birthDates the pupils' dates of birth, null where unknown
     */
    public Due incident(RecordType type, LocalDate recordedOn, Collection<LocalDate> birthDates) {
        String years = years(type);
        if (type == RecordType.CHILD_PROTECTION && !birthDates.isEmpty() && birthDates.stream().allMatch(Objects::nonNull)) {
            LocalDate youngest = birthDates.stream().max(Comparator.naturalOrder()).orElseThrow();
            return new Due(youngest.plus(properties.period(type)), "date of birth " + youngest + " + " + years);
        }
        String note = type == RecordType.CHILD_PROTECTION ? " (a date of birth is missing)" : "";
        return new Due(recordedOn.plus(properties.period(type)), "recorded " + recordedOn + " + " + years + note);
    }

    /** When a leaver's entry is due, or empty while they have not left. */
    public Optional<Due> leaver(LocalDate leavingDate) {
        return Optional.ofNullable(leavingDate).map(d -> new Due(d.plus(properties.period(RecordType.LEAVER)),
                "left " + d + " + " + years(RecordType.LEAVER)));
    }

    /** For batch types: everything dated before this day is past retention on {@code today}. */
    public LocalDate cutOff(RecordType type, LocalDate today) {
        Period period = properties.period(type);
        return period == null ? schoolYearAndTermBefore(today) : today.minus(period);
    }

    /**
     * The first day of "the current school year plus one term": 1 April before the current school
     * year began, taken as the start of the summer term before it (before any English school's
     * summer term starts, so no school loses a day of that term). On 6 December 2026 it is 1 April 2026.
     */
    static LocalDate schoolYearAndTermBefore(LocalDate today) {
        return LocalDate.of(SchoolYear.containing(today).startYear(), Month.APRIL, 1);
    }

    /** The period in words, e.g. "25 years" or "13 months". */
    public String years(RecordType type) {
        Period p = properties.period(type);
        if (p == null) {
            return SCHOOL_YEAR_AND_TERM;
        }
        if (p.getMonths() == 0 && p.getDays() == 0) {
            return p.getYears() + (p.getYears() == 1 ? " year" : " years");
        }
        if (p.getYears() == 0 && p.getDays() == 0) {
            return p.getMonths() + (p.getMonths() == 1 ? " month" : " months");
        }
        return p.toString();
    }
}
