package org.lantern.server.policy;

/**
 * Published when a new policy version comes into force (a change, a restore or the first preset),
 * so that whatever enforces the policy (the web filter) switches to it at once.
 *
 * @param version the number of the version now in force
 */
public record PolicyChanged(int version) {
}
