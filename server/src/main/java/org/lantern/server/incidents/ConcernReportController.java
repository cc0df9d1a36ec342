package org.lantern.server.incidents;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Report a concern", for pupils: signed in (REPORT_CONCERN), or on a school device without a
 * Lantern account, which is why the page is public (the block page links here). The form is
 * CSRF-protected like every other, limited per network address, and the pupil only ever sees a
 * kind confirmation with whom to talk to, never the record.
 */
@Controller
@RequestMapping("/report-concern")
class ConcernReportController {

    private final ConcernReports reports;
    private static final Logger log = LoggerFactory.getLogger(ConcernReportController.class);

    private final ConcernThrottle throttle;
    private final AccountService accounts;

    ConcernReportController(ConcernReports reports, ConcernThrottle throttle, AccountService accounts) {
        this.reports = reports;
        this.throttle = throttle;
        this.accounts = accounts;
    }

    /**
     * The form as submitted.
     *
     * @param what      what happened or worried them
     * @param where     where they saw it
     * @param url       the blocked address (from the block page)
     * @param category  the filter category (from the block page)
     * @param anonymous whether to stay anonymous
     * @param name      their name, when not signed in
     * @param aboutSomeoneElse ticked when a signed-in pupil reports about someone else, not themselves
     */
    record ConcernForm(String what, String where, String url, String category, Boolean anonymous, String name,
                       Boolean aboutSomeoneElse) {
        boolean staysAnonymous() {
            return Boolean.TRUE.equals(anonymous);
        }
    }

    @GetMapping
    @PreAuthorize("isAnonymous() or hasAuthority('REPORT_CONCERN')")
    String form(@ModelAttribute("form") ConcernForm form, Authentication user, Model model) {
        return show(model, user, List.of());
    }

    @PostMapping
    @PreAuthorize("isAnonymous() or hasAuthority('REPORT_CONCERN')")
    String report(@ModelAttribute("form") ConcernForm form, Authentication user, HttpServletRequest request,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) {
        String address = request.getRemoteAddr();
        Viewer reporter = signedIn(user);
        // Behind the school's NAT every pupil shares one address: a signed-in pupil is throttled as
        // themselves, so one pupil's reports never hold back another's.
        String throttleKey = reporter != null ? "account:" + reporter.accountId() : "address:" + address;
        if (!throttle.allows(throttleKey)) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return show(model, user, List.of("Several reports have just been sent from this computer, so this one "
                    + "was not sent yet. Please wait " + throttle.windowMinutes() + " minutes and try again, or talk to "
                    + "a member of staff now: they want to help. You can also call Childline on 0800 1111, or 999 if "
                    + "someone is in danger right now."));
        }
        try {
            reports.report(new ConcernReports.Report(form.what(), form.where(), form.url(), form.category(),
                    form.staysAnonymous(), form.name(), Boolean.TRUE.equals(form.aboutSomeoneElse())),
                    new ConcernReports.Reporter(reporter, address));
        } catch (IncidentRejectedException e) {
            return show(model, user, e.problems());
        } catch (DataAccessException e) {
            // The database's message quotes the values it was given: the child's own words, which
            // must never reach a log. The form is shown again with everything they typed.
            log.error("A pupil's report could not be stored ({}); they were asked to send it again",
                    e.getClass().getSimpleName());
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            return show(model, user, List.of("Your report could not be sent just now, but nothing you wrote is lost: "
                    + "it is still below. Please press Send again in a minute, or talk to a member of staff now."));
        }
        throttle.record(throttleKey);
        redirect.addFlashAttribute("anonymous", form.staysAnonymous());
        return "redirect:/report-concern/thanks";
    }

    @GetMapping("/thanks")
    @PreAuthorize("isAnonymous() or hasAuthority('REPORT_CONCERN')")
    String thanks(Model model) {
        model.addAttribute("safeguardingTeam", safeguardingTeam());
        return "incidents/report-thanks";
    }

    private String show(Model model, Authentication user, List<String> problems) {
        model.addAttribute("signedIn", signedIn(user) != null);
        model.addAttribute("problems", problems);
        model.addAttribute("safeguardingTeam", safeguardingTeam());
        return "incidents/report-concern";
    }

    private static Viewer signedIn(Authentication user) {
        return user == null || user instanceof AnonymousAuthenticationToken ? null : Viewer.of(user);
    }

    /** The names pupils can ask for: the DSL and deputies. */
    private List<String> safeguardingTeam() {
        return accounts.list().stream().filter(a -> a.enabled() && (a.role() == Role.DSL || a.role() == Role.DEPUTY_DSL))
                .map(a -> a.displayName() + " (" + a.role().title() + ")").toList();
    }
}
