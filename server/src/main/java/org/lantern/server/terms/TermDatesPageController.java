package org.lantern.server.terms;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.lantern.server.http.SchoolTime;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The term dates page, where the DSL or the network manager keeps the terms, half-terms, INSET
 * days and closures, and the school's weekdays and hours with the history of who chose them and
 * why (SCHOOL_CALENDAR_MANAGE). A term or closure is changed on its own page, its form filled
 * with what is kept. Plain forms that work without script; a refused form comes back with what
 * was typed and every problem. A term or closure named in the address that does not exist is a
 * 404, as any missing record is.
 */
@Controller
@RequestMapping("/settings/term-dates")
@PreAuthorize("hasAuthority('SCHOOL_CALENDAR_MANAGE')")
class TermDatesPageController {

    /** How near the last term's end the page starts asking for next year's dates. */
    private static final int WARN_DAYS = 42;
    /** The days of the week for the school hours form, Monday first: the value sent, and its name. */
    private static final Map<String, String> WEEKDAYS = Arrays.stream(DayOfWeek.values()).collect(Collectors.toMap(
            DayOfWeek::name, d -> d.getDisplayName(TextStyle.FULL, Locale.UK), (a, b) -> a, LinkedHashMap::new));

    private final TermDates terms;
    private final SchoolHoursSetting hours;

    TermDatesPageController(TermDates terms, SchoolHoursSetting hours) {
        this.terms = terms;
        this.hours = hours;
    }

    @GetMapping
    String page(Model model) {
        SchoolCalendar calendar = terms.calendar();
        LocalDate today = SchoolTime.today();
        model.addAttribute("calendar", calendar);
        SchoolHours now = hours.current();
        model.addAttribute("hours", now);
        model.addAttribute("openDays", now.days().stream().map(DayOfWeek::name).collect(Collectors.toSet()));
        model.addAttribute("hoursHistory", hours.history());
        model.addAttribute("weekdays", WEEKDAYS);
        model.addAttribute("today", calendar.kept()
                ? "Today, " + SchoolTime.day(today) + ", is " + calendar.describe(today) + "."
                : "No term dates are kept, so only the days of the week and the hours count.");
        calendar.lastTermDay().filter(last -> last.isBefore(today.plusDays(WARN_DAYS))).ifPresent(last ->
                model.addAttribute("runningOut", "The last term entered ends on " + SchoolTime.day(last) + ". Every day "
                        + "after it counts as a holiday until the next terms are added."));
        return "terms/term-dates";
    }

    @PostMapping("/terms")
    String addTerm(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String startsOn,
                   @RequestParam(defaultValue = "") String endsOn, @RequestParam(defaultValue = "") String halfTermStart,
                   @RequestParam(defaultValue = "") String halfTermEnd, Authentication user, RedirectAttributes redirect) {
        try {
            SchoolTerm term = terms.addTerm(name, startsOn, endsOn, halfTermStart, halfTermEnd, user.getName());
            redirect.addFlashAttribute("message", term.name() + " added.");
        } catch (TermDatesRejectedException e) {
            redirect.addFlashAttribute("termProblems", e.problems());
            redirect.addFlashAttribute("typedTerm", List.of(name, startsOn, endsOn, halfTermStart, halfTermEnd));
        }
        return "redirect:/settings/term-dates";
    }

    @GetMapping("/terms/{id:\\d+}")
    String term(@PathVariable long id, Model model) {
        SchoolTerm term = terms.term(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("term", term);
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", List.of(term.name(), term.startsOn().toString(), term.endsOn().toString(),
                    text(term.halfTermStart()), text(term.halfTermEnd())));
        }
        return "terms/term";
    }

    @PostMapping("/terms/{id:\\d+}")
    String changeTerm(@PathVariable long id, @RequestParam(defaultValue = "") String name,
                      @RequestParam(defaultValue = "") String startsOn, @RequestParam(defaultValue = "") String endsOn,
                      @RequestParam(defaultValue = "") String halfTermStart,
                      @RequestParam(defaultValue = "") String halfTermEnd, Authentication user,
                      RedirectAttributes redirect) {
        try {
            SchoolTerm term = terms.updateTerm(id, name, startsOn, endsOn, halfTermStart, halfTermEnd, user.getName())
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            redirect.addFlashAttribute("message", term.name() + " changed.");
            return "redirect:/settings/term-dates";
        } catch (TermDatesRejectedException e) {
            redirect.addFlashAttribute("problems", e.problems());
            redirect.addFlashAttribute("typed", List.of(name, startsOn, endsOn, halfTermStart, halfTermEnd));
            return "redirect:/settings/term-dates/terms/" + id;
        }
    }

    @PostMapping("/closures")
    String addClosure(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String name,
                      @RequestParam(defaultValue = "") String firstDay, @RequestParam(defaultValue = "") String lastDay,
                      Authentication user, RedirectAttributes redirect) {
        try {
            SchoolClosure closure = terms.addClosure(kind, name, firstDay, lastDay, user.getName());
            redirect.addFlashAttribute("message", closure.kind().label() + " added: " + closure.name() + ".");
        } catch (TermDatesRejectedException e) {
            redirect.addFlashAttribute("closureProblems", e.problems());
            redirect.addFlashAttribute("typedClosure", List.of(kind, name, firstDay, lastDay));
        }
        return "redirect:/settings/term-dates";
    }

    @GetMapping("/closures/{id:\\d+}")
    String closure(@PathVariable long id, Model model) {
        SchoolClosure closure = terms.closure(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("closure", closure);
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", List.of(closure.kind().name(), closure.name(), closure.firstDay().toString(),
                    closure.firstDay().equals(closure.lastDay()) ? "" : closure.lastDay().toString()));
        }
        return "terms/closure";
    }

    @PostMapping("/closures/{id:\\d+}")
    String changeClosure(@PathVariable long id, @RequestParam(defaultValue = "") String kind,
                         @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String firstDay,
                         @RequestParam(defaultValue = "") String lastDay, Authentication user,
                         RedirectAttributes redirect) {
        try {
            SchoolClosure closure = terms.updateClosure(id, kind, name, firstDay, lastDay, user.getName())
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            redirect.addFlashAttribute("message", closure.kind().label() + " changed: " + closure.name() + ".");
            return "redirect:/settings/term-dates";
        } catch (TermDatesRejectedException e) {
            redirect.addFlashAttribute("problems", e.problems());
            redirect.addFlashAttribute("typed", List.of(kind, name, firstDay, lastDay));
            return "redirect:/settings/term-dates/closures/" + id;
        }
    }

    /** A day for a date field, empty when there is none. */
    private static String text(LocalDate day) {
        return day == null ? "" : day.toString();
    }

    @PostMapping("/school-hours")
    String schoolHours(@RequestParam(name = "days", required = false) List<String> days,
                       @RequestParam(defaultValue = "") String start, @RequestParam(defaultValue = "") String end,
                       @RequestParam(defaultValue = "") String reason, Authentication user, RedirectAttributes redirect) {
        try {
            SchoolHours chosen = hours.choose(days, start, end, reason, user.getName());
            redirect.addFlashAttribute("message", "School days and hours saved: " + chosen.label() + ".");
        } catch (TermDatesRejectedException e) {
            redirect.addFlashAttribute("hoursProblems", e.problems());
            redirect.addFlashAttribute("typedHours", new TypedHours(days == null ? List.of() : days, start, end, reason));
        }
        return "redirect:/settings/term-dates#school-hours-heading";
    }

    /** What was typed into the school hours form, shown again when it is refused. */
    public record TypedHours(List<String> days, String start, String end, String reason) {
    }

    @PostMapping("/terms/{id:\\d+}/remove")
    String removeTerm(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        SchoolTerm term = terms.term(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        terms.removeTerm(id, user.getName());
        redirect.addFlashAttribute("message", term.name() + " removed.");
        return "redirect:/settings/term-dates";
    }

    @PostMapping("/closures/{id:\\d+}/remove")
    String removeClosure(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        SchoolClosure closure = terms.closure(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        terms.removeClosure(id, user.getName());
        redirect.addFlashAttribute("message", closure.name() + " removed.");
        return "redirect:/settings/term-dates";
    }
}
