package org.lantern.server.registers.training;

import org.lantern.server.registers.RegisterException;
import org.lantern.server.registers.RegisterForms;
import org.lantern.server.registers.RegisterNotFoundException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.http.CsvDownload;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.Role;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The training register under {@code /registers/training}: who is overdue and due, the courses,
 * one person's training where a completion is recorded with its certificate, starters' induction
 * checklists, the CSV import and export.
 */
@Controller
@RequestMapping("/registers/training")
class TrainingPageController {

    private final TrainingRegister register;
    private final TrainingCourses courses;
    private final TrainingCompletions completions;
    private final TrainingCsvImport imports;

    TrainingPageController(TrainingRegister register, TrainingCourses courses, TrainingCompletions completions,
                           TrainingCsvImport imports) {
        this.register = register;
        this.courses = courses;
        this.completions = completions;
        this.imports = imports;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('TRAINING_READ')")
    String overview(Model model) {
        LocalDate today = SchoolTime.today();
        model.addAttribute("overdue", register.overdue(today));
        model.addAttribute("due", register.dueSoon(today));
        model.addAttribute("dueSoonDays", TrainingDue.DUE_SOON_DAYS);
        return "registers/training/overview";
    }

    @GetMapping("/export.csv")
    @PreAuthorize("hasAuthority('TRAINING_READ')")
    void export(@RequestParam(defaultValue = "all") String which, HttpServletResponse response) throws IOException {
        LocalDate today = SchoolTime.today();
        List<TrainingDue> rows = switch (which) {
            case "all" -> register.statuses(today);
            case "overdue" -> register.overdue(today);
            case "due" -> register.dueSoon(today);
            default -> null;
        };
        if (!CsvDownload.refused(response, rows == null
                ? List.of("'" + which + "' is not a list: use all, overdue or due.") : List.of())) {
            TrainingExport.write(response, which, today, rows);
        }
    }

    @GetMapping("/people/{id:\\d+}")
    @PreAuthorize("hasAuthority('TRAINING_READ')")
    String person(@PathVariable long id, Model model) {
        LocalDate today = SchoolTime.today();
        Trainee trainee = register.trainee(id, today).orElseThrow(() -> new RegisterNotFoundException(
                "There is no member of staff or governor " + id + " on roll today."));
        model.addAttribute("trainee", trainee);
        model.addAttribute("standings", register.of(id, today));
        model.addAttribute("completions", completions.list(id));
        model.addAttribute("courses", courses.list().stream().filter(trainee::mustTake).toList());
        model.addAttribute("courseTitles", courses.list().stream()
                .collect(Collectors.toMap(Course::id, Course::title)));
        model.addAttribute("today", today);
        model.addAttribute("certificates", TrainingCompletions.CERTIFICATES);
        return "registers/training/person";
    }

    @PostMapping("/people/{id:\\d+}/completions")
    @PreAuthorize("hasAuthority('TRAINING_RECORD')")
    String record(@PathVariable long id, @RequestParam(required = false) Long courseId,
                  @RequestParam(defaultValue = "") String completedOn, @RequestParam(defaultValue = "") String evidence,
                  @RequestParam(required = false) MultipartFile certificate, Authentication user,
                  RedirectAttributes redirect) throws IOException {
        try {
            if (courseId == null) {
                throw RegisterException.of("Choose the course.");
            }
            TrainingCompletions.Certificate file = certificate == null || certificate.isEmpty() ? null
                    : new TrainingCompletions.Certificate(certificate.getOriginalFilename(), certificate.getBytes());
            completions.record(id, courseId, RegisterForms.date(completedOn), evidence, file, user.getName(), SchoolTime.today());
            redirect.addFlashAttribute("recorded", "The completion is recorded.");
        } catch (RegisterException e) {
            redirect.addFlashAttribute("problems", e.problems());
            redirect.addFlashAttribute("typedEvidence", evidence);
            redirect.addFlashAttribute("typedOn", completedOn);
        }
        return "redirect:/registers/training/people/" + id + "#record";
    }

    @GetMapping("/completions/{id:\\d+}/certificate")
    @PreAuthorize("hasAuthority('TRAINING_READ')")
    ResponseEntity<byte[]> certificate(@PathVariable long id) {
        TrainingCompletions.Download download = completions.certificate(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(download.completion().certificateType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(download.fileName()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(download.content());
    }

    @GetMapping("/courses")
    @PreAuthorize("hasAuthority('TRAINING_READ')")
    String courses(Model model) {
        model.addAttribute("courses", courses.list());
        model.addAttribute("roles", Role.values());
        return "registers/training/courses";
    }

    @PostMapping("/courses")
    @PreAuthorize("hasAuthority('TRAINING_MANAGE')")
    String addCourse(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String title,
                     @RequestParam(defaultValue = "") String renewalMonths,
                     @RequestParam(required = false) List<Role> roles,
                     @RequestParam(defaultValue = "false") boolean forStarters, Authentication user,
                     RedirectAttributes redirect) {
        try {
            courses.create(new TrainingCourses.CourseForm(code, title, RegisterForms.number(renewalMonths, "months"), roles(roles),
                    forStarters), user.getName());
            redirect.addFlashAttribute("saved", "The course is added.");
        } catch (RegisterException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/registers/training/courses";
    }

    @PostMapping("/courses/{id:\\d+}")
    @PreAuthorize("hasAuthority('TRAINING_MANAGE')")
    String changeCourse(@PathVariable long id, @RequestParam(defaultValue = "") String title,
                        @RequestParam(defaultValue = "") String renewalMonths,
                        @RequestParam(required = false) List<Role> roles,
                        @RequestParam(defaultValue = "false") boolean forStarters, Authentication user,
                        RedirectAttributes redirect) {
        try {
            courses.update(id, new TrainingCourses.CourseForm(null, title, RegisterForms.number(renewalMonths, "months"), roles(roles),
                    forStarters), user.getName());
            redirect.addFlashAttribute("saved", "The course is saved.");
        } catch (RegisterException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/registers/training/courses";
    }

    @GetMapping("/starters")
    @PreAuthorize("hasAuthority('TRAINING_READ')")
    String starters(Model model) {
        model.addAttribute("starters", register.starters(SchoolTime.today()));
        model.addAttribute("window", TrainingRegister.STARTER_WINDOW_DAYS);
        return "registers/training/starters";
    }

    @GetMapping("/import")
    @PreAuthorize("hasAuthority('TRAINING_RECORD')")
    String importForm(Model model) {
        model.addAttribute("courses", courses.list());
        return "registers/training/import";
    }

    @PostMapping("/import")
    @PreAuthorize("hasAuthority('TRAINING_RECORD')")
    String importCsv(@RequestParam(required = false) MultipartFile file, Authentication user,
                     RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw RegisterException.of("Choose the CSV file to import.");
            }
            int n = imports.importCsv(file.getBytes(), user.getName(), SchoolTime.today());
            redirect.addFlashAttribute("imported", n + (n == 1 ? " completion was" : " completions were") + " recorded.");
        } catch (RegisterException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/registers/training/import";
    }

    private static Set<Role> roles(List<Role> roles) {
        return roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }
}
