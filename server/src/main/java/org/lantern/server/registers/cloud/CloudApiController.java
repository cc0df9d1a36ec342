package org.lantern.server.registers.cloud;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.registers.RegisterForms;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The cloud services and software licences registers' API: list, request, approve, refuse, change, export. */
@RestController
@RequestMapping("/api/v1/registers")
class CloudApiController {

    private final CloudServices services;
    private final SoftwareLicences licences;

    CloudApiController(CloudServices services, SoftwareLicences licences) {
        this.services = services;
        this.licences = licences;
    }

    /**
     * A refusal's reason.
     *
     * @param reason why, for the person who asked
     */
    record Refusal(String reason) {
    }

    /**
     * A licence as sent.
     *
     * @param product   required
     * @param supplier  optional
     * @param reference required: what proves the licence
     * @param seats     optional
     * @param expiresOn optional, e.g. 2027-08-31
     */
    record LicenceBody(String product, String supplier, String reference, Integer seats, String expiresOn) {
        SoftwareLicences.Form form() {
            return new SoftwareLicences.Form(product, supplier, reference, seats, RegisterForms.date(expiresOn));
        }
    }

    @GetMapping("/cloud-services")
    @PreAuthorize("hasAuthority('CLOUD_SERVICES_READ')")
    @Operation(summary = "The cloud services: approved, waiting for approval and refused")
    Map<String, List<CloudService>> list() {
        return Map.of("services", services.list(null));
    }

    @PostMapping("/cloud-services/requests")
    @PreAuthorize("hasAuthority('CLOUD_SERVICE_REQUEST')")
    @Operation(summary = "Ask for a new cloud service to be approved",
            description = "Goes to the ICT manager and a senior leader, who must both approve it. 400 for missing "
                    + "details; 409 for a service already approved, asked for or refused.",
            responses = @ApiResponse(responseCode = "201", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = """
                            {"id":31,"name":"Padlet","purpose":"Class discussion boards","dataHeld":"Pupils' first \
                            names and posts","dpiaDone":false,"dpaInPlace":false,"status":"REQUESTED"}"""))))
    ResponseEntity<CloudService> request(@RequestBody CloudServices.Details body, Authentication user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(services.request(body, user.getName()));
    }

    @PostMapping("/cloud-services/{id}/approve")
    @PreAuthorize("hasAnyAuthority('CLOUD_SERVICE_APPROVE_ICT', 'CLOUD_SERVICE_APPROVE_SENIOR')")
    @Operation(summary = "Approve a requested service as the ICT manager or a senior leader",
            description = "Approved once both have approved, as two different people. 409 when it is not waiting, "
                    + "the caller's side has approved already, or the caller gave the other approval.")
    CloudService approve(@PathVariable long id, Authentication user) {
        return services.approve(id, Approver.of(user).orElseThrow(), user.getName());
    }

    @PostMapping("/cloud-services/{id}/refuse")
    @PreAuthorize("hasAnyAuthority('CLOUD_SERVICE_APPROVE_ICT', 'CLOUD_SERVICE_APPROVE_SENIOR')")
    @Operation(summary = "Refuse a requested service, with the reason")
    CloudService refuse(@PathVariable long id, @RequestBody(required = false) Refusal body, Authentication user) {
        return services.refuse(id, Approver.of(user).orElseThrow(), body == null ? null : body.reason(), user.getName());
    }

    @PutMapping("/cloud-services/{id}")
    @PreAuthorize("hasAuthority('SOFTWARE_MANAGE')")
    @Operation(summary = "Change a service's purpose, data held, DPIA and data-processing agreement")
    CloudService change(@PathVariable long id, @RequestBody CloudServices.Details body, Authentication user) {
        return services.update(id, body, user.getName());
    }

    @GetMapping("/cloud-services/export")
    @PreAuthorize("hasAuthority('CLOUD_SERVICES_READ')")
    @Operation(summary = "The cloud services as CSV")
    void exportServices(HttpServletResponse response) throws IOException {
        CloudExport.services(response, services.list(null));
    }

    @GetMapping("/licences")
    @PreAuthorize("hasAuthority('SOFTWARE_MANAGE')")
    @Operation(summary = "The software licences, soonest expiry first")
    Map<String, List<SoftwareLicence>> licences() {
        return Map.of("licences", licences.list());
    }

    @GetMapping("/licences/due-soon")
    @PreAuthorize("hasAuthority('SOFTWARE_MANAGE')")
    @Operation(summary = "Licences expired or expiring within 60 days")
    Map<String, List<SoftwareLicence>> licencesDueSoon() {
        return Map.of("licences", licences.dueSoon(SchoolTime.today()));
    }

    @PostMapping("/licences")
    @PreAuthorize("hasAuthority('SOFTWARE_MANAGE')")
    @Operation(summary = "Add a licence", description = "400 without a product or a reference that proves the licence.")
    ResponseEntity<SoftwareLicence> addLicence(@RequestBody LicenceBody body, Authentication user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(licences.create(body.form(), user.getName()));
    }

    @PutMapping("/licences/{id}")
    @PreAuthorize("hasAuthority('SOFTWARE_MANAGE')")
    @Operation(summary = "Change a licence, e.g. its renewal")
    SoftwareLicence changeLicence(@PathVariable long id, @RequestBody LicenceBody body, Authentication user) {
        return licences.update(id, body.form(), user.getName());
    }

    @GetMapping("/licences/export")
    @PreAuthorize("hasAuthority('SOFTWARE_MANAGE')")
    @Operation(summary = "The software licences as CSV")
    void exportLicences(HttpServletResponse response) throws IOException {
        CloudExport.licences(response, licences.list(), SchoolTime.today());
    }
}
