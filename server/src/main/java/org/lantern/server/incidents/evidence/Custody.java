package org.lantern.server.incidents.evidence;

import java.time.OffsetDateTime;

import org.lantern.server.incidents.Channel;

/**
 * One entry of an evidence item's chain of custody.
 *
 * @param occurredAt when (school time zone)
 * @param username   who
 * @param action     what they did
 * @param sha256     the digest the item had then (for a refused download, the digest found)
 * @param channel    page or API
 */
public record Custody(OffsetDateTime occurredAt, String username, CustodyAction action, String sha256,
                      Channel channel) {
}
