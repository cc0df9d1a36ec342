package org.lantern.server.registers.devices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.dataprotection.FormTimes;
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
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The asset register's pages under {@code /registers/devices}: the devices with a form to enter
 * one and a CSV import, their CSV export, and a device's page with its details, its loans and the
 * form to lend it. A refused form comes back with every reason and what was typed.
 */
@Controller
@RequestMapping("/registers/devices")
class DevicePageController {

    private final Devices devices;
    private final DeviceImport importer;
    private final Loans loans;
    private final People people;

    DevicePageController(Devices devices, DeviceImport importer, Loans loans, People people) {
        this.devices = devices;
        this.importer = importer;
        this.loans = loans;
        this.people = people;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('DEVICES_READ')")
    String list(@RequestParam(required = false) String state, Model model) {
        DeviceState s = state == null || state.isBlank() ? null : DeviceState.parse(state).orElse(null);
        model.addAttribute("state", s);
        model.addAttribute("states", DeviceState.values());
        model.addAttribute("types", DeviceType.values());
        model.addAttribute("devices", devices.list(s));
        if (!model.containsAttribute("fields")) {
            model.addAttribute("fields", new DeviceFields(null, null, null, null, null, null, null));
        }
        return "registers/devices/devices";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('DEVICES_MANAGE')")
    String create(@ModelAttribute DeviceFields fields, Authentication user, RedirectAttributes redirect) {
        try {
            Device device = devices.create(fields, user.getName());
            redirect.addFlashAttribute("done", "Device entered.");
            return "redirect:/registers/devices/" + device.id();
        } catch (DeviceException e) {
            redirect.addFlashAttribute("problems", e.problems());
            redirect.addFlashAttribute("fields", fields);
            return "redirect:/registers/devices#new";
        }
    }

    @PostMapping("/import")
    @PreAuthorize("hasAuthority('DEVICES_MANAGE')")
    String importCsv(@RequestParam(required = false) MultipartFile file, Authentication user, RedirectAttributes redirect)
            throws IOException {
        String text = file == null ? null : new String(file.getBytes(), StandardCharsets.UTF_8);
        DeviceImport.Result result = importer.importCsv(text, user.getName());
        if (result.problems().isEmpty()) {
            redirect.addFlashAttribute("done", result.entered() + (result.entered() == 1 ? " device" : " devices")
                    + " entered.");
        } else {
            redirect.addFlashAttribute("problemsImport", result.problems());
        }
        return "redirect:/registers/devices#import";
    }

    @GetMapping("/export.csv")
    @PreAuthorize("hasAuthority('DEVICES_READ')")
    void export(HttpServletResponse response) throws IOException {
        try (SafeCsv csv = CsvDownload.attachment(response, "devices-" + SchoolTime.today() + ".csv")) {
            DeviceViews.deviceCsv(csv, devices.list(null));
        }
    }

    @GetMapping("/{id:\\d+}")
    @PreAuthorize("hasAuthority('DEVICES_READ')")
    String device(@PathVariable long id, Model model) {
        Device device = devices.get(id);
        model.addAttribute("device", device);
        model.addAttribute("loans", loans.ofDevice(id));
        model.addAttribute("today", loans.today());
        model.addAttribute("types", DeviceType.values());
        model.addAttribute("states", List.of(DeviceState.values()).stream().filter(DeviceState::chosenByHand).toList());
        model.addAttribute("borrowers", people.list(null).stream().filter(p -> !p.hasLeft(loans.today()))
                .sorted(Comparator.comparing(Person::legalLastName).thenComparing(Person::displayName))
                .toList());
        if (!model.containsAttribute("fields")) {
            model.addAttribute("fields", new DeviceFields(device.type().name(), device.make(), device.model(),
                    device.serialNumber(), device.assetTag(), device.location(), device.state().name()));
        }
        return "registers/devices/device";
    }

    @PostMapping("/{id:\\d+}")
    @PreAuthorize("hasAuthority('DEVICES_MANAGE')")
    String update(@PathVariable long id, @ModelAttribute DeviceFields fields, Authentication user,
                  RedirectAttributes redirect) {
        try {
            devices.update(id, fields, user.getName());
            redirect.addFlashAttribute("done", "Device changed.");
        } catch (DeviceException e) {
            redirect.addFlashAttribute("problems", e.problems());
            redirect.addFlashAttribute("fields", fields);
        }
        return "redirect:/registers/devices/" + id + "#details";
    }

    @PostMapping("/{id:\\d+}/lend")
    @PreAuthorize("hasAuthority('DEVICES_MANAGE')")
    String lend(@PathVariable long id, @RequestParam(required = false) Long personId,
                @RequestParam(defaultValue = "") String lentOn, @RequestParam(defaultValue = "") String dueOn,
                @RequestParam(defaultValue = "") String conditionOut, @RequestParam(defaultValue = "") String signedName,
                @RequestParam(defaultValue = "false") boolean agreed, Authentication user, RedirectAttributes redirect) {
        List<String> problems = new ArrayList<>();
        LocalDate lent = FormTimes.date(lentOn, "The day it is lent", problems);
        LocalDate due = FormTimes.date(dueOn, "The day it is due back", problems);
        try {
            if (!problems.isEmpty()) {
                throw DeviceException.of(problems);
            }
            Loan loan = loans.lend(new NewLoan(id, personId, lent, due, conditionOut, signedName, agreed), user.getName());
            redirect.addFlashAttribute("done", "Lent to " + loan.borrower() + ", due back " + SchoolTime.day(loan.dueOn())
                    + ".");
            return "redirect:/registers/loans/" + loan.id();
        } catch (DeviceException e) {
            redirect.addFlashAttribute("problemsLend", e.problems());
            redirect.addFlashAttribute("lend", new LendForm(personId, lentOn, dueOn, conditionOut, signedName));
            return "redirect:/registers/devices/" + id + "#lend";
        }
    }

    /** The lending form as typed, shown again when refused. */
    record LendForm(Long personId, String lentOn, String dueOn, String conditionOut, String signedName) {
    }
}
