package org.lantern.server.terms;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.http.SchoolTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The school's term dates, half-terms, INSET days and closures, kept by the DSL or the network
 * manager and read as a {@link SchoolCalendar} by whatever needs to know when pupils are in
 * school (the out-of-hours on-call list, the daily digest). What is typed is checked before
 * anything is saved, every problem said at once: a date that is not one, a last day before the
 * first, a half-term outside its term, a term overlapping another. Every change is an entry of
 * the audit chain ({@code term-dates.*}); a change in place keeps what the term or closure was.
 */
@Service
public class TermDates {

    /** The audit record type. */
    static final String RECORD = "term-dates";
    /** The longest term accepted: 26 weeks, longer than any school's and short of a typing slip. */
    static final int MAX_TERM_DAYS = 182;
    /** The longest closure accepted: a month. */
    static final int MAX_CLOSURE_DAYS = 31;
    private static final int MAX_NAME = 100;
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu", Locale.UK)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final AuditChain audit;

    TermDates(JdbcClient jdbc, AuditChain audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The calendar as kept now. */
    public SchoolCalendar calendar() {
        return new SchoolCalendar(terms(), closures());
    }

    /** The terms, earliest first. */
    public List<SchoolTerm> terms() {
        return jdbc.sql("SELECT id, name, starts_on, ends_on, half_term_start, half_term_end FROM school_term "
                        + "ORDER BY starts_on, id")
                .query((rs, n) -> new SchoolTerm(rs.getLong("id"), rs.getString("name"),
                        rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                        rs.getObject("half_term_start", LocalDate.class), rs.getObject("half_term_end", LocalDate.class)))
                .list();
    }

    /** The INSET days and closures, earliest first. */
    public List<SchoolClosure> closures() {
        return jdbc.sql("SELECT id, kind, name, first_day, last_day FROM school_closure ORDER BY first_day, id")
                .query((rs, n) -> new SchoolClosure(rs.getLong("id"), SchoolClosure.Kind.valueOf(rs.getString("kind")),
                        rs.getString("name"), rs.getObject("first_day", LocalDate.class),
                        rs.getObject("last_day", LocalDate.class)))
                .list();
    }

    /**
     * Adds a term, with its half-term if both its days are given.
     *
     * @throws TermDatesRejectedException saying what to correct; nothing is saved
     */
    @Transactional
    public SchoolTerm addTerm(String name, String startsOn, String endsOn, String halfTermStart, String halfTermEnd,
                              String actor) {
        SchoolTerm typed = checkTerm(0, name, startsOn, endsOn, halfTermStart, halfTermEnd);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO school_term (name, starts_on, ends_on, half_term_start, half_term_end, added_by, added_at) "
                        + "VALUES (:name, :start, :end, :hs, :he, :actor, :now)")
                .param("name", typed.name()).param("start", typed.startsOn()).param("end", typed.endsOn())
                .param("hs", typed.halfTermStart()).param("he", typed.halfTermEnd())
                .param("actor", actor).param("now", OffsetDateTime.now(ZoneOffset.UTC)).update(keys, "id");
        SchoolTerm term = new SchoolTerm(keys.getKeyAs(Number.class).longValue(), typed.name(), typed.startsOn(),
                typed.endsOn(), typed.halfTermStart(), typed.halfTermEnd());
        audit.append(actor, "term-dates.term-added", RECORD, "term-" + term.id(), json(detail(term)));
        return term;
    }

    /**
     * Changes a term in place, checked as a new one is except against itself; audited with what
     * it was and what it is now.
     *
     * @return the term as changed, or empty when there is no such term
     * @throws TermDatesRejectedException saying what to correct; nothing is saved
     */
    @Transactional
    public Optional<SchoolTerm> updateTerm(long id, String name, String startsOn, String endsOn, String halfTermStart,
                                           String halfTermEnd, String actor) {
        Optional<SchoolTerm> before = term(id);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        SchoolTerm typed = checkTerm(id, name, startsOn, endsOn, halfTermStart, halfTermEnd);
        SchoolTerm term = new SchoolTerm(id, typed.name(), typed.startsOn(), typed.endsOn(), typed.halfTermStart(),
                typed.halfTermEnd());
        jdbc.sql("UPDATE school_term SET name = :name, starts_on = :start, ends_on = :end, half_term_start = :hs, "
                        + "half_term_end = :he WHERE id = :id")
                .param("name", term.name()).param("start", term.startsOn()).param("end", term.endsOn())
                .param("hs", term.halfTermStart()).param("he", term.halfTermEnd()).param("id", id).update();
        audit.append(actor, "term-dates.term-changed", RECORD, "term-" + id,
                json(beforeAfter(detail(before.get()), detail(term))));
        return Optional.of(term);
    }

    /**
     * Checks a term as typed: every problem at once, and an overlap with any term but the one of
     * number {@code replacing} (0 for a new term).
     *
     * @return the term as it would be kept, numbered {@code replacing}
     * @throws TermDatesRejectedException saying what to correct
     */
    private SchoolTerm checkTerm(long replacing, String name, String startsOn, String endsOn, String halfTermStart,
                                 String halfTermEnd) {
        List<String> problems = new ArrayList<>();
        String n = name(name, "Term name", problems);
        LocalDate start = date(startsOn, "First day of term", true, problems);
        LocalDate end = date(endsOn, "Last day of term", true, problems);
        LocalDate halfStart = date(halfTermStart, "First day of half-term", false, problems);
        LocalDate halfEnd = date(halfTermEnd, "Last day of half-term", false, problems);
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                problems.add("Last day of term: " + SchoolTime.day(end) + " is before the first day, "
                        + SchoolTime.day(start) + ".");
            } else if (ChronoUnit.DAYS.between(start, end) >= MAX_TERM_DAYS) {
                problems.add("Last day of term: a term is at most 26 weeks long; check the year of each date.");
            } else {
                halfTerm(start, end, halfTermStart, halfTermEnd, halfStart, halfEnd, problems);
                terms().stream().filter(t -> t.id() != replacing)
                        .filter(t -> !t.endsOn().isBefore(start) && !t.startsOn().isAfter(end)).findFirst()
                        .ifPresent(t -> problems.add("Dates: they overlap the " + t.name() + " ("
                                + SchoolTime.day(t.startsOn()) + " to " + SchoolTime.day(t.endsOn())
                                + "). Terms cannot overlap; change or remove that one first if it is wrong."));
            }
        }
        if (!problems.isEmpty()) {
            throw new TermDatesRejectedException(problems);
        }
        return new SchoolTerm(replacing, n, start, end, halfStart, halfEnd);
    }

    private static Map<String, Object> detail(SchoolTerm term) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("name", term.name());
        detail.put("startsOn", term.startsOn().toString());
        detail.put("endsOn", term.endsOn().toString());
        detail.put("halfTermStart", term.halfTermStart() == null ? null : term.halfTermStart().toString());
        detail.put("halfTermEnd", term.halfTermEnd() == null ? null : term.halfTermEnd().toString());
        return detail;
    }

    private static Map<String, Object> beforeAfter(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("before", before);
        detail.put("after", after);
        return detail;
    }

    private static void halfTerm(LocalDate start, LocalDate end, String typedStart, String typedEnd, LocalDate halfStart,
                                 LocalDate halfEnd, List<String> problems) {
        boolean startGiven = typedStart != null && !typedStart.isBlank();
        boolean endGiven = typedEnd != null && !typedEnd.isBlank();
        if (startGiven != endGiven) {
            problems.add("Half-term: give both its first and last day, or neither.");
        } else if (halfStart != null && halfEnd != null) {
            if (halfEnd.isBefore(halfStart)) {
                problems.add("Last day of half-term: " + SchoolTime.day(halfEnd) + " is before its first day, "
                        + SchoolTime.day(halfStart) + ".");
            } else if (!halfStart.isAfter(start) || !halfEnd.isBefore(end)) {
                problems.add("Half-term: it must fall inside the term, after its first day ("
                        + SchoolTime.day(start) + ") and before its last (" + SchoolTime.day(end) + ").");
            }
        }
    }

    /**
     * Adds an INSET day or a closure, one day or several.
     *
     * @param kind    {@code INSET} or {@code HOLIDAY}
     * @param lastDay empty for a single day
     * @throws TermDatesRejectedException saying what to correct; nothing is saved
     */
    @Transactional
    public SchoolClosure addClosure(String kind, String name, String firstDay, String lastDay, String actor) {
        SchoolClosure typed = checkClosure(0, kind, name, firstDay, lastDay);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO school_closure (kind, name, first_day, last_day, added_by, added_at) "
                        + "VALUES (:kind, :name, :first, :last, :actor, :now)")
                .param("kind", typed.kind().name()).param("name", typed.name()).param("first", typed.firstDay())
                .param("last", typed.lastDay()).param("actor", actor).param("now", OffsetDateTime.now(ZoneOffset.UTC))
                .update(keys, "id");
        SchoolClosure closure = new SchoolClosure(keys.getKeyAs(Number.class).longValue(), typed.kind(), typed.name(),
                typed.firstDay(), typed.lastDay());
        audit.append(actor, "term-dates.closure-added", RECORD, "closure-" + closure.id(), json(detail(closure)));
        return closure;
    }

    /**
     * Changes an INSET day or closure in place, checked as a new one is; audited with what it was
     * and what it is now.
     *
     * @return the closure as changed, or empty when there is no such closure
     * @throws TermDatesRejectedException saying what to correct; nothing is saved
     */
    @Transactional
    public Optional<SchoolClosure> updateClosure(long id, String kind, String name, String firstDay, String lastDay,
                                                 String actor) {
        Optional<SchoolClosure> before = closure(id);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        SchoolClosure closure = checkClosure(id, kind, name, firstDay, lastDay);
        jdbc.sql("UPDATE school_closure SET kind = :kind, name = :name, first_day = :first, last_day = :last "
                        + "WHERE id = :id")
                .param("kind", closure.kind().name()).param("name", closure.name()).param("first", closure.firstDay())
                .param("last", closure.lastDay()).param("id", id).update();
        audit.append(actor, "term-dates.closure-changed", RECORD, "closure-" + id,
                json(beforeAfter(detail(before.get()), detail(closure))));
        return Optional.of(closure);
    }

    /**
     * Checks an INSET day or closure as typed, every problem at once.
     *
     * @return the closure as it would be kept, numbered {@code id}
     * @throws TermDatesRejectedException saying what to correct
     */
    private static SchoolClosure checkClosure(long id, String kind, String name, String firstDay, String lastDay) {
        List<String> problems = new ArrayList<>();
        SchoolClosure.Kind k = null;
        try {
            k = SchoolClosure.Kind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("Kind: choose an INSET day or a holiday or closure.");
        }
        String n = name(name, "Name", problems);
        LocalDate first = date(firstDay, "First day", true, problems);
        LocalDate last = lastDay == null || lastDay.isBlank() ? first : date(lastDay, "Last day", true, problems);
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                problems.add("Last day: " + SchoolTime.day(last) + " is before the first day, " + SchoolTime.day(first) + ".");
            } else if (ChronoUnit.DAYS.between(first, last) >= MAX_CLOSURE_DAYS) {
                problems.add("Last day: a closure is at most " + MAX_CLOSURE_DAYS + " days; a longer break is the gap "
                        + "between two terms.");
            }
        }
        if (!problems.isEmpty()) {
            throw new TermDatesRejectedException(problems);
        }
        return new SchoolClosure(id, k, n, first, last);
    }

    private static Map<String, Object> detail(SchoolClosure closure) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("kind", closure.kind().name());
        detail.put("name", closure.name());
        detail.put("firstDay", closure.firstDay().toString());
        detail.put("lastDay", closure.lastDay().toString());
        return detail;
    }

    /** The term with this number, if there is one. */
    public Optional<SchoolTerm> term(long id) {
        return terms().stream().filter(t -> t.id() == id).findFirst();
    }

    /** The closure with this number, if there is one. */
    public Optional<SchoolClosure> closure(long id) {
        return closures().stream().filter(c -> c.id() == id).findFirst();
    }

    /**
     * Removes a term; audited with what it was.
     *
     * @return whether there was such a term
     */
    @Transactional
    public boolean removeTerm(long id, String actor) {
        Optional<SchoolTerm> term = term(id);
        if (term.isEmpty() || jdbc.sql("DELETE FROM school_term WHERE id = :id").param("id", id).update() == 0) {
            return false;
        }
        audit.append(actor, "term-dates.term-removed", RECORD, "term-" + id, json(Map.of("name", term.get().name(),
                "startsOn", term.get().startsOn().toString(), "endsOn", term.get().endsOn().toString())));
        return true;
    }

    /**
     * Removes an INSET day or closure; audited with what it was.
     *
     * @return whether there was such a closure
     */
    @Transactional
    public boolean removeClosure(long id, String actor) {
        Optional<SchoolClosure> closure = closure(id);
        if (closure.isEmpty() || jdbc.sql("DELETE FROM school_closure WHERE id = :id").param("id", id).update() == 0) {
            return false;
        }
        audit.append(actor, "term-dates.closure-removed", RECORD, "closure-" + id, json(Map.of("name",
                closure.get().name(), "firstDay", closure.get().firstDay().toString())));
        return true;
    }

    private static String name(String typed, String field, List<String> problems) {
        String n = typed == null ? "" : typed.strip();
        if (n.isEmpty() || n.length() > MAX_NAME || n.indexOf('\0') >= 0) {
            problems.add(field + ": give a name of up to " + MAX_NAME + " characters.");
        }
        return n;
    }

    /** A date typed as 2026-09-03 (what a date field sends) or 3/9/2026; null when empty or not a date. */
    static LocalDate date(String typed, String field, boolean required, List<String> problems) {
        String d = typed == null ? "" : typed.strip();
        if (d.isEmpty()) {
            if (required) {
                problems.add(field + ": give a date, e.g. 2026-09-03 or 3/9/2026.");
            }
            return null;
        }
        LocalDate day = null;
        try {
            day = LocalDate.parse(d);
        } catch (DateTimeParseException iso) {
            try {
                day = LocalDate.parse(d, UK_DATE);
            } catch (DateTimeParseException uk) {
                // said below
            }
        }
        if (day == null || day.getYear() < 2000 || day.getYear() > 2100) {
            problems.add(field + ": \"" + (d.length() > 40 ? d.substring(0, 40) + "…" : d)
                    + "\" is not a date; give one such as 2026-09-03 or 3/9/2026.");
            return null;
        }
        return day;
    }

    /** The detail of an audit entry of the term dates page. */
    static String json(Map<String, Object> detail) {
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialise", e);
        }
    }
}
