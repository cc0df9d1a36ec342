package org.lantern.server.activity;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lantern.activity.ActivityStore.ActivityQuery;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.people.Person;
import org.lantern.server.people.YearGroup;

/**
 * A search of the activity log as typed on the page or sent to the API, every value a string so
 * that a mistyped one gets a plain message naming the field rather than a framework error, and
 * read the same way wherever it was typed.
 *
 * @param person   a person: their number ({@code 12} or {@code #12}), a type-ahead choice
 *                 ({@code Ada Lovelace · Year 7 #12}) or, on the page, part of a name
 * @param user     a proxy user name, exactly
 * @param ip       a client IP address, or a device name from the devices register
 * @param group    a filter group
 * @param year     a year group ({@code 7}, {@code Year 7}, {@code R})
 * @param q        text in the host or URL
 * @param category a category
 * @param action   {@code allowed} or {@code blocked} ({@code ALLOW}, {@code BLOCK}); empty for both
 * @param term     text in the search term
 * @param from     the earliest time: a day, a school-time {@code YYYY-MM-DDTHH:MM} or an ISO instant
 * @param to       the latest time, likewise; a day includes the whole day
 * @param around   a moment: the hour either side of it, instead of {@code from} and {@code to}
 * @param cursor   where the previous page ended
 */
record ActivityFilters(String person, String user, String ip, String group, String year, String q, String category,
                       String action, String term, String from, String to, String around, String cursor) {

    /** How far either side of a moment "around this moment" looks. */
    static final Duration AROUND = Duration.ofHours(1);

    private static final Pattern PERSON_NUMBER = Pattern.compile("(?:.*#)?\\s*(\\d{1,18})\\s*");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    /** A MAC address looks like an IPv6 one to a loose test, but it names a device in the register. */
    private static final Pattern MAC = Pattern.compile("([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}");
    private static final int MAX_TEXT = 200;

    /** Blank values as null, so a form's empty fields and an API's missing parameters read alike. */
    ActivityFilters {
        person = blankToNull(person);
        user = blankToNull(user);
        ip = blankToNull(ip);
        group = blankToNull(group);
        year = blankToNull(year);
        q = blankToNull(q);
        category = blankToNull(category);
        action = blankToNull(action);
        term = blankToNull(term);
        from = blankToNull(from);
        to = blankToNull(to);
        around = blankToNull(around);
        cursor = blankToNull(cursor);
    }

    /**
     * The search these filters ask for.
     *
     * @param names   whether the searcher may search by person
     * @param byName  the people whose name contains a text, for a person typed as a name
     * @return the search, with a problem for each value that could not be read; then it is not run
     */
    Parsed parse(boolean names, Function<String, List<Person>> byName) {
        List<String> errors = new ArrayList<>();
        List<Choice> choices = List.of();
        Long personId = null;
        if (person != null) {
            Matcher number = PERSON_NUMBER.matcher(person);
            if (!names) {
                errors.add("Person: searching by person needs permission to see names; search by user name, device "
                        + "or address instead.");
            } else if (number.matches()) {
                personId = Long.parseLong(number.group(1));
            } else {
                List<Person> found = byName.apply(person);
                if (found.size() == 1) {
                    personId = found.getFirst().id();
                } else {
                    choices = found.stream().map(Choice::of).toList();
                    errors.add(found.isEmpty() ? "Person: nobody's name contains '" + person + "'."
                            : "Person: several people match '" + person + "'; choose one.");
                }
            }
        }
        String yearCode = null;
        if (year != null) {
            yearCode = YearGroup.parse(year).map(YearGroup::code).orElse(null);
            if (yearCode == null) {
                errors.add("Year group: '" + year + "' is not a year group (R, or 1 to 13).");
            }
        }
        String parsedAction = switch (action == null ? "" : action.toLowerCase(Locale.ROOT)) {
            case "", "all" -> null;
            case "allowed", "allow" -> "ALLOW";
            case "blocked", "block" -> "BLOCK";
            default -> {
                errors.add("Allowed or blocked: '" + action + "' is neither (allowed, blocked or empty for both).");
                yield null;
            }
        };
        for (Map.Entry<String, String> text : texts().entrySet()) {
            if (text.getValue() != null && text.getValue().length() > MAX_TEXT) {
                errors.add(text.getKey() + ": at most " + MAX_TEXT + " characters.");
            }
        }
        Instant start;
        Instant end;
        Instant moment = time("Around", around, false, errors);
        if (moment != null && (from != null || to != null)) {
            errors.add("Around: give a moment or a period (from, to), not both.");
        }
        if (moment != null) {
            start = moment.minus(AROUND);
            end = moment.plus(AROUND);
        } else {
            start = time("From", from, false, errors);
            end = time("To", to, true, errors);
            if (start != null && end != null && !end.isAfter(start)) {
                errors.add("To: must be after From.");
            }
        }
        boolean address = ip != null && (IPV4.matcher(ip).matches()
                || IPV6.matcher(ip).matches() && !MAC.matcher(ip).matches());
        ActivityQuery query = new ActivityQuery(start, end, personId, user, group, yearCode,
                address ? ip : null, address || ip == null ? null : ip, q, category, parsedAction, term);
        return new Parsed(this, query, moment, List.copyOf(errors), List.copyOf(choices));
    }

    /** The free-text values, by the name the page gives them, for the length check. */
    private Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("Person", person);
        texts.put("User name", user);
        texts.put("Device or IP address", ip);
        texts.put("Group", group);
        texts.put("Domain or URL", q);
        texts.put("Category", category);
        texts.put("Search term", term);
        return texts;
    }

    /**
     * What was asked, in words, for the search log: every filter given, as given.
     *
     * @param personName the person searched for, when the searcher sees names
     */
    String describe(Long personId, String personName) {
        List<String> parts = new ArrayList<>();
        if (personId != null) {
            parts.add("person #" + personId + (personName == null ? "" : " (" + personName + ")"));
        }
        add(parts, "user", user);
        add(parts, "device or IP", ip);
        add(parts, "group", group);
        add(parts, "year", year);
        add(parts, "domain or URL", q);
        add(parts, "category", category);
        // In words as the search page offers them, whichever spelling the link used (the dashboard's is BLOCK).
        add(parts, "allowed or blocked", action == null ? null : switch (action.toLowerCase(Locale.ROOT)) {
            case "allow", "allowed" -> "allowed";
            case "block", "blocked" -> "blocked";
            default -> action;
        });
        add(parts, "search term", term);
        add(parts, "from", from);
        add(parts, "to", to);
        add(parts, "around", around);
        if (cursor != null) {
            parts.add("a later page");
        }
        String words = parts.isEmpty() ? "everything" : String.join("; ", parts);
        return words.length() > 2000 ? words.substring(0, 1999) + "…" : words;
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + " '" + value + "'");
        }
    }

    /**
     * A time as typed: an ISO instant or offset time, a school-time {@code YYYY-MM-DDTHH:MM}, or a
     * day (its start; for the end of a period, the start of the next day, so the day is included).
     */
    private static Instant time(String field, String text, boolean end, List<String> errors) {
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(SchoolTime.ZONE).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).atZone(SchoolTime.ZONE).toInstant();
        } catch (DateTimeException e) {
            errors.add(field + ": '" + text + "' is not a time (YYYY-MM-DD, YYYY-MM-DDTHH:MM or an ISO instant).");
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * The filters read.
     *
     * @param filters as typed
     * @param query   the store query (not to be run when there are errors)
     * @param around  the moment looked around, or null
     * @param errors  what could not be read
     * @param choices the people a typed name matched, when it matched several (or none)
     */
    record Parsed(ActivityFilters filters, ActivityQuery query, Instant around, List<String> errors,
                  List<Choice> choices) {

        /** Whether the search names one subject (a person, user name, address or device), so a timeline makes sense. */
        boolean oneSubject() {
            return query.personId() != null || query.user() != null || query.clientIp() != null
                    || query.device() != null;
        }
    }

    /**
     * A person as the search offers them, in words ending in the number the search reads back.
     *
     * @param id    their number
     * @param label e.g. "Ada Lovelace · Year 7 · 7L #12"
     */
    record Choice(long id, String label) {
        static Choice of(Person p) {
            return new Choice(p.id(), p.displayName() + (p.yearGroup() != null ? " · " + p.yearGroup().label() : "")
                    + (p.registrationClass() != null ? " · " + p.registrationClass() : "") + " #" + p.id());
        }
    }
}
