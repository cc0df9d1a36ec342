package org.lantern.server.filtering;

/** Published when an unblock is granted, withdrawn or ends, so the filter reloads its exceptions. */
public record UnblocksChanged(String reason) {
}
