package org.lantern.server.alerts;

import java.time.Instant;

/**
 * A note on an alert. Notes are only ever added: what someone wrote at the time stays as written.
 *
 * @param id        the note's number
 * @param alertId   the alert it is on
 * @param writtenAt when
 * @param author    who (username)
 * @param body      what they wrote, as typed
 */
public record AlertNote(long id, long alertId, Instant writtenAt, String author, String body) {
}
