package org.lantern.server.registers.devices;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.http.CsvDownload;
import org.lantern.server.http.SafeCsv;
import org.lantern.server.http.SchoolTime;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The devices register's API: list, enter, change, import and export the school's devices. */
@RestController
@RequestMapping("/api/v1/registers/devices")
class DeviceApiController {

    private final Devices devices;
    private final DeviceImport importer;

    DeviceApiController(Devices devices, DeviceImport importer) {
        this.devices = devices;
        this.importer = importer;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('DEVICES_READ')")
    @Operation(summary = "The school's devices",
            description = "Every device in the asset register, or those in one state (AVAILABLE, ON_LOAN, REPAIR, LOST, "
                    + "STOLEN, RETIRED).")
    Map<String, List<DeviceViews.DeviceView>> list(@RequestParam(required = false) String state) {
        DeviceState s = state == null || state.isBlank() ? null : DeviceState.parse(state).orElseThrow(() ->
                DeviceException.of(List.of("'" + state.strip() + "' is not a device state.")));
        return Map.of("devices", devices.list(s).stream().map(DeviceViews.DeviceView::of).toList());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('DEVICES_MANAGE')")
    @Operation(summary = "Enter a device",
            description = "Type, make and serial number are required; model, asset tag, location and state (AVAILABLE, "
                    + "REPAIR or RETIRED; AVAILABLE when left out) are optional. 400 names every problem; 409 when the "
                    + "serial number (compared without case, spaces or dashes) or asset tag is already in the register.",
            responses = @ApiResponse(responseCode = "201", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = """
                            {"id":12,"type":"LAPTOP","make":"Lenovo","model":"100e","serialNumber":"PF-2X9K1",\
                            "assetTag":"LT-0042","location":"IT office","state":"AVAILABLE"}"""))))
    ResponseEntity<DeviceViews.DeviceView> create(@RequestBody DeviceFields fields, Authentication user) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(DeviceViews.DeviceView.of(devices.create(fields, user.getName())));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('DEVICES_MANAGE')")
    @Operation(summary = "Change a device's details",
            description = "As entering one. A device on loan, lost or stolen keeps that state: it changes through the loans.")
    DeviceViews.DeviceView update(@PathVariable long id, @RequestBody DeviceFields fields, Authentication user) {
        return DeviceViews.DeviceView.of(devices.update(id, fields, user.getName()));
    }

    @PostMapping(value = "/import", consumes = "text/csv")
    @PreAuthorize("hasAuthority('DEVICES_MANAGE')")
    @Operation(summary = "Import devices from CSV",
            description = "A header line (type,make,model,serial,asset tag,location,state) and a line per device. Every "
                    + "line is checked first; any problem (a bad cell, a serial number already in the register or twice in "
                    + "the file) is a 400 listing every problem with its line number, and nothing is entered.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = "{\"entered\":30}"))))
    ResponseEntity<Map<String, Object>> importCsv(@RequestBody(required = false) String csv, Authentication user) {
        DeviceImport.Result result = importer.importCsv(csv, user.getName());
        if (!result.problems().isEmpty()) {
            throw DeviceException.of(result.problems());
        }
        return ResponseEntity.ok(Map.of("entered", result.entered()));
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @PreAuthorize("hasAuthority('DEVICES_READ')")
    @Operation(summary = "The devices as CSV", description = "Cells that a spreadsheet would run as a formula are disarmed.")
    void export(HttpServletResponse response) throws IOException {
        try (SafeCsv csv = CsvDownload.attachment(response, "devices-" + SchoolTime.today() + ".csv")) {
            DeviceViews.deviceCsv(csv, devices.list(null));
        }
    }
}
