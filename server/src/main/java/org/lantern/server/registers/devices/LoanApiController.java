package org.lantern.server.registers.devices;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.http.CsvDownload;
import org.lantern.server.http.SafeCsv;
import org.lantern.server.incidents.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The loans register's API: loans out and overdue, lending, a return, a return request (which
 * starts seed 003's 72-hour clock and answers its due time) and a loss or theft.
 */
@RestController
@RequestMapping("/api/v1/registers/loans")
class LoanApiController {

    private final Loans loans;
    private final LossReports losses;

    LoanApiController(Loans loans, LossReports losses) {
        this.loans = loans;
        this.losses = losses;
    }

    /**
     * A return as the API takes it.
     *
     * @param returnedOn    the day it came back
     * @param conditionBack its condition
     */
    record Return(LocalDate returnedOn, String conditionBack) {
    }

    /**
     * A return request's answer.
     *
     * @param loanId      the loan
     * @param requestedAt when the return was asked for (the first request, if asked before)
     * @param dueAt       72 hours later: when the device must be back
     */
    record ReturnRequest(long loanId, String requestedAt, String dueAt) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('DEVICES_READ')")
    @Operation(summary = "The loans", description = "The loans still out, soonest due first; with all=true every loan, "
            + "newest first. A loss shows the numbers of the incident and breach it opened, not their contents.")
    Map<String, List<DeviceViews.LoanView>> list(@RequestParam(defaultValue = "false") boolean all) {
        LocalDate today = loans.today();
        return Map.of("loans", (all ? loans.all() : loans.open()).stream().map(l -> DeviceViews.LoanView.of(l, today))
                .toList());
    }

    @GetMapping("/overdue")
    @PreAuthorize("hasAuthority('DEVICES_READ')")
    @Operation(summary = "The overdue loans", description = "Loans still out past their due day, most overdue first.")
    Map<String, List<DeviceViews.LoanView>> overdue() {
        LocalDate today = loans.today();
        return Map.of("loans", loans.overdue().stream().map(l -> DeviceViews.LoanView.of(l, today)).toList());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('DEVICES_MANAGE')")
    @Operation(summary = "Lend a device",
            description = "deviceId, personId, lentOn, dueOn (not before lentOn), conditionOut, signedName (the "
                    + "borrower's typed name) and agreed=true (the borrower's tick) are required. 400 names every "
                    + "problem; 409 when the device is not available (on loan, lost, being repaired).",
            responses = @ApiResponse(responseCode = "201"))
    ResponseEntity<DeviceViews.LoanView> lend(@RequestBody NewLoan loan, Authentication user) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(DeviceViews.LoanView.of(loans.lend(loan, user.getName()), loans.today()));
    }

    @PostMapping("/{loanId}/return")
    @PreAuthorize("hasAuthority('DEVICES_MANAGE')")
    @Operation(summary = "Record a device's return",
            description = "The day it came back (not before it was lent, not in the future) and its condition. 409 when "
                    + "the loan was already returned or reported lost or stolen.")
    DeviceViews.LoanView giveBack(@PathVariable long loanId, @RequestBody Return body, Authentication user) {
        return DeviceViews.LoanView.of(loans.giveBack(loanId, body.returnedOn(), body.conditionBack(), user.getName()),
                loans.today());
    }

    @PostMapping("/{loanId}/return-request")
    @PreAuthorize("hasAuthority('DEVICES_MANAGE')")
    @Operation(summary = "Ask for a device back: it is due within 72 hours",
            description = "Starts seed 003's clock (\"All devices must be returned on request ... within 72 hours of "
                    + "Request\") and answers when the device is due. Asking again keeps the first request's time. 409 "
                    + "when the loan is closed.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = """
                            {"loanId":7,"requestedAt":"2026-12-07T09:15:00Z","dueAt":"2026-12-10T09:15:00Z"}"""))))
    ReturnRequest requestReturn(@PathVariable long loanId, Authentication user) {
        Loan loan = loans.requestReturn(loanId, user.getName());
        return new ReturnRequest(loan.id(), loan.returnRequestedAt().toInstant().toString(),
                loan.returnDueAt().toInstant().toString());
    }

    @PostMapping("/{loanId}/loss")
    @PreAuthorize("hasAuthority('DEVICES_MANAGE')")
    @Operation(summary = "Record a loaned device lost or stolen",
            description = "kind (LOST or STOLEN), lostAt (ISO-8601 with offset), policeReference (required for a theft), "
                    + "description, categoryId (a row of the borrower's Actions / Sanctions table) and personalData "
                    + "(true or false; when true also dataInvolved and peopleAffected). Opens an incident and, when "
                    + "personal data was on the device, a breach with the ICO's 72-hour clock; answers their numbers.")
    DeviceViews.LoanView loss(@PathVariable long loanId, @RequestBody LossReport report, Authentication user) {
        return DeviceViews.LoanView.of(losses.record(loanId, report, Viewer.of(user)), loans.today());
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @PreAuthorize("hasAuthority('DEVICES_READ')")
    @Operation(summary = "Every loan as CSV", description = "Cells that a spreadsheet would run as a formula are disarmed.")
    void export(HttpServletResponse response) throws IOException {
        try (SafeCsv csv = CsvDownload.attachment(response, "loans-" + loans.today() + ".csv")) {
            DeviceViews.loanCsv(csv, loans.all(), loans.today());
        }
    }
}
