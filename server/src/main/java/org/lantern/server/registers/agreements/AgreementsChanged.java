package org.lantern.server.registers.agreements;

/**
 * Published when who owes an agreement may have changed for many people at once (a version that
 * must be signed again, the gate turned on or off), so the filter reads everyone afresh once the
 * change commits. One person's acceptance is announced as a {@code PeopleChanged} instead.
 *
 * @param why what changed, for logs
 */
record AgreementsChanged(String why) {
}
