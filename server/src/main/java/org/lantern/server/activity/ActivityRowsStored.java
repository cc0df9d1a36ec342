package org.lantern.server.activity;

import java.util.List;

import org.lantern.activity.ActivityRow;

/**
 * Rows a log ingest has just stored in the activity log (the server's own decision log, or a
 * Squid or decision log sent to the ingest API), published once each, after they are stored and
 * never for a stretch sent again. Published on the ingest's thread: a listener must return at
 * once (queue the rows) and never throw, as ingest must neither slow down nor fail for it.
 *
 * @param rows the rows, attributed
 */
public record ActivityRowsStored(List<ActivityRow> rows) {
}
