package org.lantern.server.http;

import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * What templates call to show a stored value to a person: {@code ${@show.when(x)}} for a time in
 * school time, {@code ${@show.words(x)}} for a status or code as words ("Requested", not
 * {@code REQUESTED}). Pages never print an enum's name or an ISO timestamp.
 */
@Component("show")
public class Show {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    /** @see SchoolTime#when(TemporalAccessor) */
    public String when(TemporalAccessor at) {
        return SchoolTime.when(at);
    }

    /** @see SchoolTime#day(LocalDate) */
    public String day(LocalDate day) {
        return SchoolTime.day(day);
    }

    /** @return words for a code: "Second factor required" for {@code SECOND_FACTOR_REQUIRED}; other text as it is */
    public String words(Object value) {
        return Show.wordsOf(value);
    }

    /** @see #words(Object) */
    public static String wordsOf(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Enum<?> e ? e.name() : value.toString();
        if (!CODE.matcher(text).matches()) {
            return text;
        }
        String words = text.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
