package org.lantern.server.filtering;

/** Published when an entry is added to or removed from a local list, so the filter reloads its lists. */
public record LocalListsChanged(String reason) {
}
