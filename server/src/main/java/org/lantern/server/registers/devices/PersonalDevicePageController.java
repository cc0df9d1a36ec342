package org.lantern.server.registers.devices;

import java.io.IOException;
import java.util.Comparator;

import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.http.CsvDownload;
import org.lantern.server.http.SafeCsv;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Personal devices (BYOD) under {@code /registers/devices/personal}, registered against the
 * policy's Mobile Technologies table, each changed on a page of its own as the API changes it, with
 * their CSV export, and the leaver checklist at {@code /registers/devices/leavers}.
 */
@Controller
@RequestMapping("/registers/devices")
class PersonalDevicePageController {

    private final PersonalDevices personal;
    private final LeaverChecklist leavers;
    private final People people;

    PersonalDevicePageController(PersonalDevices personal, LeaverChecklist leavers, People people) {
        this.personal = personal;
        this.leavers = leavers;
        this.people = people;
    }

    @GetMapping("/personal")
    @PreAuthorize("hasAuthority('DEVICES_READ')")
    String list(Model model) {
        model.addAttribute("devices", personal.list());
        model.addAttribute("kinds", personal.kinds());
        model.addAttribute("kindsById", personal.kindsById());
        model.addAttribute("fromPolicy", personal.fromPolicy());
        model.addAttribute("owners", people.list(null).stream().filter(p -> !p.hasLeft(SchoolTime.today()))
                .sorted(Comparator.comparing(Person::legalLastName).thenComparing(Person::displayName))
                .toList());
        return "registers/devices/personal";
    }

    @PostMapping("/personal")
    @PreAuthorize("hasAuthority('DEVICES_MANAGE')")
    String register(@RequestParam(required = false) Long personId, @RequestParam(defaultValue = "") String kind,
                    @RequestParam(defaultValue = "") String description, Authentication user,
                    RedirectAttributes redirect) {
        try {
            personal.register(personId, kind, description, user.getName());
            redirect.addFlashAttribute("done", "Personal device registered.");
        } catch (DeviceException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/registers/devices/personal";
    }

    /**
     * What the change form was sent with, kept to show again when it is refused.
     *
     * @param kind        the kind's id
     * @param description what the device is
     */
    record Change(String kind, String description) {
    }

    @GetMapping("/personal/{id:\\d+}")
    @PreAuthorize("hasAuthority('DEVICES_MANAGE')")
    String device(@PathVariable long id, Model model) {
        PersonalDevice device = personal.get(id);
        model.addAttribute("device", device);
        model.addAttribute("kinds", personal.kinds());
        model.addAttribute("kindsById", personal.kindsById());
        if (!model.containsAttribute("change")) {
            model.addAttribute("change", new Change(device.kind(), device.description()));
        }
        return "registers/devices/personal-device";
    }

    @PostMapping("/personal/{id:\\d+}")
    @PreAuthorize("hasAuthority('DEVICES_MANAGE')")
    String change(@PathVariable long id, @RequestParam(defaultValue = "") String kind,
                  @RequestParam(defaultValue = "") String description, Authentication user,
                  RedirectAttributes redirect) {
        try {
            personal.update(id, kind, description, user.getName());
            redirect.addFlashAttribute("done", "Personal device changed.");
            return "redirect:/registers/devices/personal";
        } catch (DeviceException e) {
            redirect.addFlashAttribute("problems", e.problems());
            redirect.addFlashAttribute("change", new Change(kind, description));
            return "redirect:/registers/devices/personal/" + id;
        }
    }

    @PostMapping("/personal/{id:\\d+}/remove")
    @PreAuthorize("hasAuthority('DEVICES_MANAGE')")
    String remove(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        try {
            personal.remove(id, user.getName());
            redirect.addFlashAttribute("done", "Taken off the register.");
        } catch (DeviceException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/registers/devices/personal";
    }

    @GetMapping("/personal/export.csv")
    @PreAuthorize("hasAuthority('DEVICES_READ')")
    void export(HttpServletResponse response) throws IOException {
        write(personal, response);
    }

    /** The register as a CSV download, for the page and the API alike. */
    static void write(PersonalDevices personal, HttpServletResponse response) throws IOException {
        try (SafeCsv csv = CsvDownload.attachment(response, "personal-devices-" + SchoolTime.today() + ".csv")) {
            DeviceViews.personalCsv(csv, personal.list(), personal.kindsById());
        }
    }

    @GetMapping("/leavers")
    @PreAuthorize("hasAuthority('DEVICES_READ')")
    String leavers(Model model) {
        model.addAttribute("today", SchoolTime.today());
        model.addAttribute("window", LeaverChecklist.WINDOW_DAYS);
        model.addAttribute("entries", leavers.around(SchoolTime.today()));
        return "registers/devices/leavers";
    }
}
