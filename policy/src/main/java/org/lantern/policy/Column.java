package org.lantern.policy;

/**
 * A column of a published table: a stable identifier and the header text exactly as printed.
 *
 * @param id   stable identifier, e.g. {@code refer-to-dsl}
 * @param text the header text as published
 */
public record Column(String id, String text) {
}
