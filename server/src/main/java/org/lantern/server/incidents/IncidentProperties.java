package org.lantern.server.incidents;

import java.util.Map;

import org.lantern.policy.Sanctions;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When tracked actions fall due. Referrals to the DSL are urgent, so by default "Refer to DSL" is
 * due the next school day (Monday to Friday) and everything else a week after recording.
 *
 * @param schoolDays  action column id → school days until due, e.g. {@code refer-to-dsl: 1}
 * @param defaultDays calendar days until due for any other action
 */
@ConfigurationProperties(prefix = "lantern.incidents.due")
public record IncidentProperties(Map<String, Integer> schoolDays, Integer defaultDays) {
    public IncidentProperties {
        schoolDays = schoolDays == null ? Map.of(Sanctions.REFER_TO_DSL, 1) : Map.copyOf(schoolDays);
        defaultDays = defaultDays == null ? 7 : defaultDays;
    }
}
