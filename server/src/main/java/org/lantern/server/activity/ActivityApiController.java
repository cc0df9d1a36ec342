package org.lantern.server.activity;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.lantern.server.http.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The activity log for integrations and scripts: the same search as the page, newest first, a
 * page at a time by cursor. Each call is recorded in the search log, as a search on the page is.
 */
@RestController
class ActivityApiController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final String TITLE = "The activity log could not be searched";

    private final ActivitySearches searches;

    ActivityApiController(ActivitySearches searches) {
        this.searches = searches;
    }

    /**
     * A page of requests.
     *
     * @param items the requests, newest first
     * @param next  the cursor for the next page, or null at the end
     */
    record ActivityPageJson(List<ActivityEntry> items, String next) {
    }

    /** Parameters that could not be read. */
    static final class BadSearch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadSearch(String message) {
            super(message);
        }
    }

    @GetMapping("/api/v1/activity")
    @PreAuthorize("hasAnyAuthority('ACTIVITY_READ', 'ACTIVITY_READ_TECHNICAL')")
    @Operation(summary = "Search the activity log (every web request), newest first",
            description = "Requests from Lantern's proxies and imported Squid logs, with the time, the person and their "
                    + "user name, the client address and device, the URL and host, the category, whether it was "
                    + "allowed or blocked, the rule and the search term. Page through with the 'next' cursor. A caller "
                    + "who may not see names (the network manager, unless the school chose otherwise) gets no "
                    + "personId or personName and may not search by person. Every call is recorded: who searched, "
                    + "for what, and whose requests it returned.")
    ActivityPageJson search(
            @Parameter(description = "A person's number (people directory)") @RequestParam(defaultValue = "") String person,
            @Parameter(description = "A proxy user name, exactly") @RequestParam(defaultValue = "") String user,
            @Parameter(description = "A client IP address, or a device name") @RequestParam(defaultValue = "") String ip,
            @Parameter(description = "A filter group") @RequestParam(defaultValue = "") String group,
            @Parameter(description = "A year group: R or 1 to 13") @RequestParam(defaultValue = "") String year,
            @Parameter(description = "Text in the host or URL, any case") @RequestParam(defaultValue = "") String q,
            @Parameter(description = "A category") @RequestParam(defaultValue = "") String category,
            @Parameter(description = "allowed or blocked (default both)") @RequestParam(defaultValue = "") String action,
            @Parameter(description = "Text in the search term, any case") @RequestParam(defaultValue = "") String term,
            @Parameter(description = "Earliest time: an ISO instant (2026-03-03T09:00:00Z), a UK time "
                    + "(2026-03-03T09:00) or a day") @RequestParam(defaultValue = "") String from,
            @Parameter(description = "Latest time, exclusive; a day includes the whole day") @RequestParam(defaultValue = "") String to,
            @Parameter(description = "A moment: the hour either side of it, instead of from and to")
            @RequestParam(defaultValue = "") String around,
            @Parameter(description = "The 'next' cursor of the previous page") @RequestParam(defaultValue = "") String cursor,
            @Parameter(description = "Requests per page, 1 to 1000 (default 100)") @RequestParam(defaultValue = "") String limit,
            Authentication caller) {
        if (!person.isBlank() && !person.strip().matches("#?\\d{1,18}")) {
            throw new BadSearch("person: give the person's number from the people directory.");
        }
        int size = limit(limit);
        Searcher searcher = searches.searcher(caller);
        ActivityFilters.Parsed parsed = searches.parse(new ActivityFilters(person, user, ip, group, year, q, category,
                action, term, from, to, around, cursor), searcher);
        if (!parsed.errors().isEmpty()) {
            throw new BadSearch(String.join(" ", parsed.errors()));
        }
        ActivitySearches.Results results = searches.search(searcher, parsed, size, ActivitySearchLog.Channel.API);
        return new ActivityPageJson(results.rows(), results.next());
    }

    private static int limit(String text) {
        if (text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below, as a number out of range is
        }
        throw new BadSearch("limit: '" + text + "' must be a whole number from 1 to " + MAX_LIMIT + ".");
    }

    @ExceptionHandler(BadSearch.class)
    ProblemDetail badSearch(BadSearch e) {
        return Problems.titled(HttpStatus.BAD_REQUEST, TITLE, e.getMessage());
    }

    @ExceptionHandler(ActivitySearches.BadCursorException.class)
    ProblemDetail badCursor(ActivitySearches.BadCursorException e) {
        return Problems.titled(HttpStatus.BAD_REQUEST, TITLE, e.getMessage());
    }
}
