package org.lantern.server.identity.password;

import java.time.OffsetDateTime;

/**
 * One recorded choice of password policy preset: the newest is the one in force.
 *
 * @param preset    the preset chosen
 * @param chosenBy  username of the administrator, or {@code lantern} for the install default
 * @param chosenAt  when
 * @param reason    why, in the administrator's words
 */
public record PolicyChoice(PasswordPreset preset, String chosenBy, OffsetDateTime chosenAt, String reason) {
}
