package org.lantern.server.registers.devices;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;

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

/**
 * The personal devices (BYOD) register's API, shaped like the devices API: list the devices on the
 * register with the kinds the policy's Mobile Technologies table allows, register one, change one,
 * take one off, and export the register as the page's CSV.
 */
@RestController
@RequestMapping("/api/v1/registers/devices/personal")
class PersonalDeviceApiController {

    private final PersonalDevices personal;

    PersonalDeviceApiController(PersonalDevices personal) {
        this.personal = personal;
    }

    /**
     * A personal device to register.
     *
     * @param personId    whose it is
     * @param kind        the kind's id, one of the list's {@code kinds}
     * @param description what it is, e.g. "iPhone 13, blue case"
     */
    record RegisterBody(Long personId, String kind, String description) {
    }

    /**
     * A personal device's new details.
     *
     * @param kind        the kind's id, one of the list's {@code kinds}
     * @param description what it is
     */
    record UpdateBody(String kind, String description) {
    }

    /**
     * A personal device in the API.
     *
     * @param id           its id
     * @param personId     whose it is
     * @param owner        their name
     * @param kind         the kind's id
     * @param kindLabel    the kind in words
     * @param description  what it is
     * @param registeredBy who registered it
     * @param registeredAt ISO date-time
     * @param removedAt    ISO date-time it was taken off the register, or null
     */
    record PersonalDeviceView(long id, long personId, String owner, String kind, String kindLabel, String description,
                              String registeredBy, String registeredAt, String removedAt) {
        static PersonalDeviceView of(PersonalDevice d, Map<String, PersonalDeviceKind> kinds) {
            PersonalDeviceKind kind = kinds.get(d.kind());
            return new PersonalDeviceView(d.id(), d.personId(), d.owner(), d.kind(),
                    kind == null ? d.kind() : kind.label(), d.description(), d.registeredBy(),
                    d.registeredAt().toString(), d.removedAt() == null ? null : d.removedAt().toString());
        }
    }

    @GetMapping
    @PreAuthorize("hasAuthority('DEVICES_READ')")
    @Operation(summary = "Personal devices on the register, and the kinds that may be registered",
            description = "Every personal device on the register (not those taken off it), by owner, and the kinds from "
                    + "the policy's Mobile Technologies table (or the allowed types when it has none), each saying "
                    + "whether the policy allows it in school.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = """
                            {"personalDevices":[{"id":4,"personId":17,"owner":"Tom Teacher","kind":"staff-owned",\
                            "kindLabel":"Personal mobile phone (staff)","description":"iPhone 13, blue case",\
                            "registeredBy":"office","registeredAt":"2026-09-03T09:12:00+01:00","removedAt":null}],\
                            "kinds":[{"id":"staff-owned","label":"Personal mobile phone (staff)","allowed":true,\
                            "terms":["Allowed in school: Yes"]}]}"""))))
    Map<String, List<?>> list() {
        Map<String, PersonalDeviceKind> kinds = personal.kindsById();
        return Map.of("personalDevices", personal.list().stream().map(d -> PersonalDeviceView.of(d, kinds)).toList(),
                "kinds", List.copyOf(kinds.values()));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('DEVICES_MANAGE')")
    @Operation(summary = "Register a personal device",
            description = "personId, kind (one of the list's kinds that the policy allows) and description are required. "
                    + "400 names every problem (nobody, someone who has left, a kind that is not on the list or not "
                    + "allowed, no description), and nothing is registered.")
    ResponseEntity<PersonalDeviceView> register(@RequestBody RegisterBody body, Authentication user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(PersonalDeviceView.of(
                personal.register(body.personId(), body.kind(), body.description(), user.getName()),
                personal.kindsById()));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('DEVICES_MANAGE')")
    @Operation(summary = "Change a personal device's kind or description",
            description = "kind (one of the list's kinds that the policy allows) and description, checked as when "
                    + "registering; the owner does not change. 400 names every problem and nothing changes; 404 when "
                    + "there is no such device; 409 when it was taken off the register.")
    PersonalDeviceView update(@PathVariable long id, @RequestBody UpdateBody body, Authentication user) {
        return PersonalDeviceView.of(personal.update(id, body.kind(), body.description(), user.getName()),
                personal.kindsById());
    }

    @PostMapping("/{id}/remove")
    @PreAuthorize("hasAuthority('DEVICES_MANAGE')")
    @Operation(summary = "Take a personal device off the register",
            description = "The person no longer brings it, or has left. 404 when there is no such device; 409 when it "
                    + "was already taken off.")
    PersonalDeviceView remove(@PathVariable long id, Authentication user) {
        return PersonalDeviceView.of(personal.remove(id, user.getName()), personal.kindsById());
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @PreAuthorize("hasAuthority('DEVICES_READ')")
    @Operation(summary = "The personal devices on the register as CSV",
            description = "The page's download: one line per device on the register, by owner. Cells that a "
                    + "spreadsheet would run as a formula are disarmed.")
    void export(HttpServletResponse response) throws IOException {
        PersonalDevicePageController.write(personal, response);
    }
}
