package org.lantern.server.retention;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.people.People;
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
 * The retention page: the rules, the activity log's period (which the school may change here), the
 * check's progress, the review list where a person confirms a
 * deletion or keeps a record longer, and legal holds. Works without JavaScript; while a check runs
 * the page asks the browser to reload it every few seconds (a {@code Refresh} header) to show progress.
 * A review or hold that does not exist is a 404, as any missing record is; one already decided or
 * lifted comes back to the page saying so.
 */
@Controller
@RequestMapping("/retention")
class RetentionController {

    private final RetentionService retention;
    private final LegalHolds holds;
    private final ActivityLogRetention activityLog;
    private final RetentionRules rules;
    private final RetentionJob job;
    private final ScanProgress progress;

    RetentionController(RetentionService retention, LegalHolds holds, ActivityLogRetention activityLog, RetentionRules rules,
                        RetentionJob job, ScanProgress progress) {
        this.retention = retention;
        this.holds = holds;
        this.activityLog = activityLog;
        this.rules = rules;
        this.job = job;
        this.progress = progress;
    }

    /** A rule as shown: the record type and how long it is kept. */
    record RuleView(String label, String kept) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('RETENTION_MANAGE')")
    String page(Model model, HttpServletResponse response) {
        ScanProgress.Snapshot now = progress.current();
        if (now.running()) {
            response.setHeader("Refresh", "5");
        }
        List<RetentionService.Review> reviews = retention.reviews();
        model.addAttribute("pending", reviews.stream().filter(r -> "PENDING".equals(r.status())).toList());
        model.addAttribute("decided", reviews.stream().filter(r -> !"PENDING".equals(r.status())).limit(50).toList());
        model.addAttribute("holds", holds.inForce());
        model.addAttribute("progress", now);
        model.addAttribute("rules", List.of(RecordType.values()).stream().map(t -> new RuleView(t.label(), switch (t) {
            case CHILD_PROTECTION -> "date of birth + " + rules.years(t) + ", then review";
            case ALERT -> "closed within " + rules.years(t) + " (now: closed on or after "
                    + SchoolTime.day(rules.cutOff(t, People.today())) + "), then review; an alert escalated to an "
                    + "incident goes with the incident, and a legal hold on the person keeps theirs";
            default -> rules.years(t) + ", then review";
        })).toList());
        model.addAttribute("activityKeeps", activityLog.keeps());
        model.addAttribute("activityFirstKept", activityLog.firstKeptDay(People.today()));
        model.addAttribute("activityLastRun", activityLog.lastRun().orElse(null));
        model.addAttribute("activityChosenDays", activityLog.chosenDays());
        model.addAttribute("activityDefaultKeeps", activityLog.defaultKeeps());
        model.addAttribute("activityMaxDays", ActivityLogRetention.MAX_DAYS);
        return "retention/review";
    }

    @PostMapping("/check")
    @PreAuthorize("hasAuthority('RETENTION_MANAGE')")
    String check(RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", job.startNow() ? "The retention check has started."
                : "A retention check is already running.");
        return "redirect:/retention";
    }

    @PostMapping("/activity-log")
    @PreAuthorize("hasAuthority('RETENTION_MANAGE')")
    String activityLogPeriod(@RequestParam(defaultValue = "") String days, @RequestParam(defaultValue = "") String reason,
                             Authentication user, RedirectAttributes redirect) {
        return act(redirect, "The activity log's period is changed; the next nightly run keeps to it.",
                () -> activityLog.choosePeriod(days, reason, user.getName()));
    }

    @PostMapping("/{reviewId:\\d+}/delete")
    @PreAuthorize("hasAuthority('RETENTION_MANAGE')")
    String delete(@PathVariable long reviewId, @RequestParam(defaultValue = "") String reason, Authentication user,
                  RedirectAttributes redirect) {
        return act(redirect, "Deleted permanently. The audit chain keeps its ids and digests.",
                () -> retention.confirmDeletion(reviewId, reason, user.getName()));
    }

    @PostMapping("/{reviewId:\\d+}/extend")
    @PreAuthorize("hasAuthority('RETENTION_MANAGE')")
    String extend(@PathVariable long reviewId, @RequestParam(defaultValue = "") String until,
                  @RequestParam(defaultValue = "") String reason, Authentication user, RedirectAttributes redirect) {
        return act(redirect, "Kept; it will be listed again on " + until + ".",
                () -> retention.extend(reviewId, date(until), reason, user.getName()));
    }

    @PostMapping("/holds")
    @PreAuthorize("hasAuthority('RETENTION_MANAGE')")
    String hold(@RequestParam(defaultValue = "") String targetType, @RequestParam(defaultValue = "") String targetId,
                @RequestParam(defaultValue = "") String reason, Authentication user, RedirectAttributes redirect) {
        return act(redirect, "Legal hold placed.", () -> {
            long id;
            try {
                id = Long.parseLong(targetId.strip());
            } catch (NumberFormatException e) {
                throw new RetentionRejectedException("Give the incident's or person's number.");
            }
            holds.place(targetType, id, reason, user.getName());
        });
    }

    @PostMapping("/holds/{holdId:\\d+}/lift")
    @PreAuthorize("hasAuthority('RETENTION_MANAGE')")
    String lift(@PathVariable long holdId, @RequestParam(defaultValue = "") String reason, Authentication user,
                RedirectAttributes redirect) {
        return act(redirect, "Legal hold lifted.", () -> holds.lift(holdId, reason, user.getName()));
    }

    private static LocalDate date(String text) {
        try {
            return text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new RetentionRejectedException("The date must be a date, e.g. 2030-09-01.");
        }
    }

    private static String act(RedirectAttributes redirect, String done, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("message", done);
        } catch (RetentionRejectedException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        } catch (RetentionNotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/retention";
    }
}
