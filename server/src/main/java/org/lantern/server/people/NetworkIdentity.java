package org.lantern.server.people;

/** One way the network knows a person, e.g. proxy username {@code jsmith23} or device IP {@code 10.20.1.7}. */
public record NetworkIdentity(NetworkIdentityType type, String value) {
}
