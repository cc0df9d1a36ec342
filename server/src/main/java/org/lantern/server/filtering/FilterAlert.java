package org.lantern.server.filtering;

import org.lantern.filter.decision.Decision;

/**
 * Published for every {@code BLOCK_AND_ALERT} decision on the proxy path (illegal content, or a
 * policy row ticked "unacceptable and illegal"), so the designated safeguarding lead can be told.
 * Published on the proxy thread: a listener must hand it on (the alerts register queues it) and
 * never do slow work there.
 *
 * @param decision the decision, naming the person, the URL and the list entry that matched
 */
public record FilterAlert(Decision decision) {
}
