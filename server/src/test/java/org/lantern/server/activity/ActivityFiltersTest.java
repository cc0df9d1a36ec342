package org.lantern.server.activity;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.activity.ActivityStore.ActivityQuery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the activity search reads what was typed: a person by number or by a type-ahead choice, an
 * address or a device from one field, times in the school's zone, and "around this moment".
 */
class ActivityFiltersTest {

    private static ActivityFilters.Parsed parse(String person, String ip, String from, String to, String around) {
        return new ActivityFilters(person, null, ip, null, null, null, null, null, null, from, to, around, null)
                .parse(true, name -> List.of());
    }

    @ParameterizedTest(name = "''{0}'' is person {1}")
    @CsvSource({"12, 12", "#12, 12", "' 12 ', 12", "Ada Lovelace · Year 7 · 7L #12, 12"})
    void aPersonIsReadByNumberOrFromAChoice(String typed, long id) {
        assertThat(parse(typed, null, null, null, null).query().personId()).isEqualTo(id);
    }

    @ParameterizedTest(name = "''{0}'' is an address: {1}")
    @CsvSource({"10.0.4.17, true", "fe80::1, true", "2001:db8::7, true", "aa:bb:cc:dd:ee:ff, false",
            "AA-BB-CC-DD-EE-FF, false", "LIB-PC-07, false", "1234, false"})
    void theDeviceOrAddressFieldTellsAnAddressFromADevice(String typed, boolean address) {
        ActivityQuery query = parse(null, typed, null, null, null).query();

        assertThat(query.clientIp()).isEqualTo(address ? typed : null);
        assertThat(query.device()).isEqualTo(address ? null : typed);
    }

    @ParameterizedTest(name = "from ''{0}'' to ''{1}''")
    @CsvSource({
            "2026-03-03, 2026-03-03, 2026-03-03T00:00:00Z, 2026-03-04T00:00:00Z",
            "2026-07-01T09:00, 2026-07-01T10:30, 2026-07-01T08:00:00Z, 2026-07-01T09:30:00Z",
            "2026-07-01T09:00:00Z, 2026-07-01T11:00:00+01:00, 2026-07-01T09:00:00Z, 2026-07-01T10:00:00Z"})
    void timesAreSchoolTimeUnlessTheySayOtherwiseAndADayIsWhole(String from, String to, Instant start, Instant end) {
        ActivityFilters.Parsed parsed = parse(null, null, from, to, null);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.query().from()).isEqualTo(start);
        assertThat(parsed.query().to()).isEqualTo(end);
    }

    @Test
    void aroundIsTheHourEitherSide() {
        ActivityFilters.Parsed parsed = parse("12", null, null, null, "2026-03-03T10:15:00Z");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.around()).isEqualTo(Instant.parse("2026-03-03T10:15:00Z"));
        assertThat(parsed.query().from()).isEqualTo(Instant.parse("2026-03-03T09:15:00Z"));
        assertThat(parsed.query().to()).isEqualTo(Instant.parse("2026-03-03T11:15:00Z"));
    }

    @Test
    void withoutNamesAPersonIsRefusedAndNoNameIsLookedUp() {
        ActivityFilters.Parsed parsed = new ActivityFilters("Ada", null, null, null, null, null, null, null, null,
                null, null, null, null).parse(false, name -> {
                    throw new AssertionError("looked up " + name);
                });

        assertThat(parsed.errors()).singleElement().asString().startsWith("Person: searching by person needs");
    }
}
