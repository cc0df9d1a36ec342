package org.lantern.server.filtering;

/** Published when an entry is added to or removed from a local list, so the filter swaps in a new local-list layer. */
public record LocalListsChanged(String reason) {
}
