package org.lantern.server.registers.devices;

import java.util.List;

/**
 * A kind of personal device a person may register: a personal column of the policy's Mobile
 * Technologies table (e.g. "Staff owned") with what the table says of it, or, when the policy
 * publishes no such table, one of the school's allowed device types.
 *
 * @param id      the column's id (e.g. {@code staff-owned}), or the allowed type's name
 * @param label   its heading
 * @param allowed false when the table says it is not allowed for use in school
 * @param terms   the table's answers for it, e.g. "Internet only (filtered): Yes"
 */
public record PersonalDeviceKind(String id, String label, boolean allowed, List<String> terms) {
}
