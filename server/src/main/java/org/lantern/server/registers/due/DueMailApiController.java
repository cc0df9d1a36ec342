package org.lantern.server.registers.due;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** When the weekly "due this month" email goes, read and chosen through the API as on the page. */
@RestController
@RequestMapping("/api/v1/registers/due/email")
class DueMailApiController {

    /**
     * The day and hour in force.
     *
     * @param day      e.g. "MONDAY"
     * @param hour     0 to 23, school time
     * @param chosenBy who chose it, or null for the starting value from the server's properties
     * @param chosenAt when, as an ISO date-time, or null
     */
    record Time(String day, int hour, String chosenBy, String chosenAt) {
        static Time of(DueMailTime.Setting s) {
            return new Time(s.day().name(), s.hour(), s.chosenBy(), s.chosenAt() == null ? null : s.chosenAt().toString());
        }
    }

    private final DueMailTime time;

    DueMailApiController(DueMailTime time) {
        this.time = time;
    }

    @GetMapping
    @PreAuthorize("@dueThisMonth.mayOpen(authentication)")
    @Operation(summary = "When the weekly \"due this month\" email goes",
            description = "The day of the week and hour (school time) in force, and who chose it and when (null for "
                    + "the starting value from the server's properties).")
    Time current() {
        return Time.of(time.current());
    }

    @PutMapping
    @PreAuthorize("hasAuthority('DUE_MAIL_MANAGE')")
    @Operation(summary = "Choose when the weekly \"due this month\" email goes",
            description = "Send {\"day\": \"FRIDAY\", \"hour\": 15}: a day of the week and a whole hour from 0 to 23, "
                    + "school time (400 otherwise, with every problem). Applies from the job's next look. Audited.")
    Time choose(@RequestBody(required = false) Map<String, Object> body, Authentication user) {
        Object day = body == null ? null : body.get("day");
        Object hour = body == null ? null : body.get("hour");
        return Time.of(time.choose(day == null ? null : String.valueOf(day), hour == null ? null : String.valueOf(hour),
                user.getName()));
    }
}
