package org.lantern.server.registers.agreements;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.lantern.server.registers.agreements.AgreementApiViews.VersionView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the agreement texts page and the network gate page do, for a script: publish a new version
 * of an audience's agreement (a material change or a correction) and read or set the groups the
 * gate holds. The same services as the pages, so the same checks and the same audit entries.
 */
@RestController
@RequestMapping("/api/v1/registers/agreements")
class AgreementTextsApiController {

    private final AgreementTexts texts;
    private final NetworkGate gate;

    AgreementTextsApiController(AgreementTexts texts, NetworkGate gate) {
        this.texts = texts;
        this.gate = gate;
    }

    /**
     * A new version as a script sends it.
     *
     * @param audience e.g. {@code STAFF} or {@code KS3}
     * @param title    its title
     * @param text     its words
     * @param change   {@code MATERIAL} (everyone signs again) or {@code CORRECTION} (nobody does)
     * @param note     what changed, in a sentence
     */
    record NewVersion(String audience, String title, String text, String change, String note) {
    }

    /** The groups the gate is to hold, by the policy's group ids; an empty list turns it off. */
    record GateGroups(List<String> groups) {
    }

    @PostMapping("/versions")
    @PreAuthorize("hasAuthority('AGREEMENTS_EDIT')")
    @Operation(summary = "Publish a new version of an audience's agreement",
            description = "The version is in force at once. A MATERIAL change asks everyone in the audience to sign "
                    + "again; a CORRECTION asks nobody (the first version of an audience is always material). 400 "
                    + "names every problem (an unknown audience, a missing title, text or kind of change, a text "
                    + "identical to the one in force, a field too long) and publishes nothing.",
            responses = @ApiResponse(responseCode = "201", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = """
                            {"id":12,"number":3,"change":"MATERIAL","material":true,"changeNote":"AI tools added.",\
                            "title":"Staff acceptable use","text":"...","published":"2026-12-07T09:00:00Z",\
                            "publishedBy":"dsl","policyVersion":5}"""))))
    ResponseEntity<VersionView> publish(@RequestBody NewVersion version, Authentication user) {
        List<String> problems = new ArrayList<>();
        Audience audience = AgreementApiController.audience(version.audience(), problems);
        if (!problems.isEmpty()) {
            throw new AgreementException(problems, false);
        }
        ChangeKind kind = ChangeKind.parseNew(version.change() == null ? "" : version.change()).orElse(null);
        AgreementVersion published = texts.publish(audience, version.title(), version.text(), kind, version.note(),
                user.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(VersionView.of(published));
    }

    @GetMapping("/gate")
    @PreAuthorize("hasAuthority('AGREEMENTS_EDIT')")
    @Operation(summary = "The network gate, group by group",
            description = "For each of the policy's groups: whether the filter sends its members to the agreement "
                    + "page until they have accepted the version in force.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = """
                            {"groups":[{"id":"ks3","name":"Key Stage 3","on":true}]}"""))))
    Map<String, List<NetworkGate.GroupSetting>> gate() {
        return Map.of("groups", gate.settings());
    }

    @PutMapping("/gate")
    @PreAuthorize("hasAuthority('AGREEMENTS_EDIT')")
    @Operation(summary = "Set the groups the network gate holds",
            description = "The whole set: groups left out are let through. The filter applies it from each person's "
                    + "next request. 400 for a group the policy does not have; nothing changes then.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = """
                            {"groups":[{"id":"ks3","name":"Key Stage 3","on":true}]}"""))))
    Map<String, List<NetworkGate.GroupSetting>> setGate(@RequestBody GateGroups groups, Authentication user) {
        gate.set(new LinkedHashSet<>(groups.groups() == null ? List.of() : groups.groups()), user.getName());
        return gate();
    }
}
