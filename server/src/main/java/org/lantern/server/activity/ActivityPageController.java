package org.lantern.server.activity;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.http.CsvDownload;
import org.lantern.server.http.SafeCsv;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.people.People;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The activity log's pages: the search (with a subject's timeline, and "around this moment" when
 * opened from an alert, a bypass attempt or an incident), its CSV download, the names offered as
 * a person is typed, and who has searched a person's browsing. Searching needs ACTIVITY_READ or
 * ACTIVITY_READ_TECHNICAL; every search is recorded before its rows are shown.
 */
@Controller
class ActivityPageController {

    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter FORM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
            .withZone(SchoolTime.ZONE);
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(SchoolTime.ZONE);

    private final ActivitySearches searches;
    private final ActivitySearchLog log;
    private final People people;

    ActivityPageController(ActivitySearches searches, ActivitySearchLog log, People people) {
        this.searches = searches;
        this.log = log;
        this.people = people;
    }

    /** A search is run only once asked for: opening the page shows the form, and logs nothing. */
    @GetMapping("/activity")
    @PreAuthorize("hasAnyAuthority('ACTIVITY_READ', 'ACTIVITY_READ_TECHNICAL')")
    String search(ActivityFilters filters, Authentication user, HttpServletRequest request, Model model,
                  HttpServletResponse response) {
        Searcher searcher = searches.searcher(user);
        model.addAttribute("filters", filters);
        model.addAttribute("names", searcher.names());
        model.addAttribute("personValue", filters.person());
        model.addAttribute("fromValue", filters.from());
        model.addAttribute("toValue", filters.to());
        if (request.getQueryString() == null) {
            return "activity/search";
        }
        ActivityFilters.Parsed parsed = searches.parse(filters, searcher);
        model.addAttribute("parsed", parsed);
        if (!parsed.errors().isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            // Each person a typed name matched is the same search for that person's number.
            model.addAttribute("choiceLinks", parsed.choices().stream().collect(Collectors.toMap(
                    ActivityFilters.Choice::id, c -> withQuery("/activity", request)
                            .replaceQueryParam("person", c.id()).build().toUriString())));
            return "activity/search";
        }
        // The form shows the period searched in its own fields' format, whether it came as a moment
        // (around), an instant (the dashboard's links) or a day, so a search changed from here keeps it.
        model.addAttribute("fromValue", formTime(parsed.query().from()));
        model.addAttribute("toValue", formTime(parsed.query().to()));
        try {
            ActivitySearches.Results results = searches.search(searcher, parsed, PAGE_SIZE, ActivitySearchLog.Channel.PAGE);
            model.addAttribute("results", results);
            if (results.personName() != null) {
                // The field shows who was searched for, in the form the search reads back, not a bare number.
                model.addAttribute("personValue", results.personName() + " #" + parsed.query().personId());
            }
            model.addAttribute("nextPage", results.next() == null ? null
                    : withQuery("/activity", request).replaceQueryParam("cursor", results.next()).build().toUriString());
            model.addAttribute("csv", withQuery("/activity.csv", request).replaceQueryParam("cursor").build().toUriString());
        } catch (ActivitySearches.BadCursorException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("parsed", new ActivityFilters.Parsed(filters, parsed.query(), parsed.around(),
                    List.of(e.getMessage()), List.of()));
        }
        return "activity/search";
    }

    @GetMapping("/activity.csv")
    @PreAuthorize("hasAnyAuthority('ACTIVITY_READ', 'ACTIVITY_READ_TECHNICAL')")
    void csv(ActivityFilters filters, Authentication user, HttpServletResponse response) throws IOException {
        Searcher searcher = searches.searcher(user);
        ActivityFilters.Parsed parsed = searches.parse(filters, searcher);
        if (CsvDownload.refused(response, parsed.errors())) {
            return;
        }
        List<ActivityEntry> rows;
        try {
            rows = searches.download(searcher, parsed);
        } catch (ActivitySearches.BadCursorException e) {
            CsvDownload.refused(response, List.of(e.getMessage()));
            return;
        }
        try (SafeCsv csv = CsvDownload.attachment(response, "activity.csv")) {
            csv.row(columns(searcher.names(), "Time", "Person", "User", "Year group", "Group", "Client IP", "Device",
                    "Method", "URL", "Host", "Category", "Action", "Rule", "Search term", "Bypass", "Status", "Source"));
            for (ActivityEntry e : rows) {
                csv.row(columns(searcher.names(), CSV_TIME.format(e.time()), e.personName(), e.user(), e.yearGroup(),
                        e.group(), e.clientIp(), e.device(), e.method(), e.url(), e.host(), e.category(), e.action(),
                        e.rule(), e.searchTerm(), e.bypass() ? "yes" : "", e.status(), e.source()));
            }
        }
    }

    /** A CSV row, without its second column (the person) for a searcher who does not see names. */
    private static List<Object> columns(boolean names, Object... cells) {
        List<Object> row = new ArrayList<>(Arrays.asList(cells));
        if (!names) {
            row.remove(1);
        }
        return row;
    }

    /**
     * The people whose name contains {@code q}, for the person field's suggestions as it is typed.
     * Only for searchers who see names: the others may not search by person.
     */
    @GetMapping("/activity/people.json")
    @PreAuthorize("hasAnyAuthority('ACTIVITY_READ', 'ACTIVITY_READ_TECHNICAL')")
    @ResponseBody
    List<String> suggestions(@RequestParam(defaultValue = "") String q, Authentication user) {
        if (!searches.searcher(user).names()) {
            throw new AccessDeniedException("Searching by person needs permission to see names");
        }
        if (q.strip().length() < 2) {
            return List.of();
        }
        return people.search(q, null, null, 0, ActivitySearches.NAME_CHOICES).people().stream()
                .map(p -> ActivityFilters.Choice.of(p).label()).toList();
    }

    /** Who has searched the activity log and been shown this person's requests, newest first. */
    @GetMapping("/activity/people/{id:\\d+}/searches")
    @PreAuthorize("hasAuthority('ACTIVITY_ACCESS_READ')")
    String searchesShowing(@PathVariable long id, Model model) {
        model.addAttribute("personId", id);
        model.addAttribute("person", people.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("searches", log.searchesShowing(id));
        return "activity/searches";
    }

    private static String formTime(Instant at) {
        return at == null ? null : FORM_TIME.format(at);
    }

    private static UriComponentsBuilder withQuery(String path, HttpServletRequest request) {
        return UriComponentsBuilder.fromPath(path).query(request.getQueryString());
    }
}
