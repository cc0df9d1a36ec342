package org.lantern.server.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Settings for tests of the on-call chain: school hours are one minute on Sundays, so whenever the
 * test runs "now" is out of hours and a level-5 alert goes down the on-call list; the scheduled
 * check is an hour apart so that only the test moves the chain; links in messages point at a
 * known public address. A class may add its own {@link TestPropertySource} beside this one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = {
        "lantern.alerts.delivery.school-hours.days=SUNDAY",
        "lantern.alerts.delivery.school-hours.start=00:00",
        "lantern.alerts.delivery.school-hours.end=00:01",
        "lantern.alerts.delivery.on-call.check-interval=PT1H",
        "lantern.public-url=https://lantern.school.example/"})
public @interface OnCallOutOfHours {
}
