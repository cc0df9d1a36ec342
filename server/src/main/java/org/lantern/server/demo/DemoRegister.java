package org.lantern.server.demo;

/**
 * One register's share of the demo school (agreements, consents, devices, training...): each
 * seeds its own records inside the story's transaction, so {@link DemoRecords} grows by a bean,
 * not by a constructor parameter, when a register is added. {@code @Order} keeps the seeding order,
 * and with it the records' ids, the same on every start.
 */
interface DemoRegister {

    /** Adds this register's records for the term the calendar tells. */
    void seed(DemoCalendar calendar);
}
