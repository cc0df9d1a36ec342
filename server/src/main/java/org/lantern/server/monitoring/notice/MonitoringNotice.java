package org.lantern.server.monitoring.notice;

import java.util.List;

/**
 * What the public page "What Lantern monitors" says, generated from the policy and the phrase
 * libraries in force, so it can never promise less (or more) than the school actually does.
 *
 * @param school          the school's name, from the policy
 * @param topics          the categories that can raise an alert, in the libraries' order
 * @param tlsInspected    whether the school's proxies decrypt secure (HTTPS) connections, so that
 *                        secure pages' full addresses and searches are seen (the policy's setting)
 * @param notInspected    the names of the kinds of site never decrypted, when they are
 * @param typedText       whether what pupils type into web pages is read (the policy's setting)
 * @param typedTextBytes  how much of each typed text is read, when it is
 * @param helpSeeking     whether the libraries label help-seeking searches (Childline...) as such
 * @param languages       how many languages the libraries read
 * @param libraries       the libraries in force, by name and version
 * @param thresholds      the lowest level (1 to 5) that raises an alert, per age group, in words
 * @param alertRoles      the roles that can see alerts
 * @param actRoles        the roles that decide what happens next
 * @param dslName         the Designated Safeguarding Lead's name, when the policy gives one
 * @param activityLogKept how long the activity log is kept, in words
 * @param incidentsKept   how long a record made from an alert is kept, in words
 * @param alertsKept      how long an alert that led to no record is kept after it is closed, in words
 * @param contact         who to ask, when the policy gives it
 * @param model           the risk model that also reads whole texts, by name and version, when it is on
 */
public record MonitoringNotice(String school, List<Topic> topics, boolean tlsInspected, List<String> notInspected,
                               boolean typedText, int typedTextBytes,
                               boolean helpSeeking, int languages, List<String> libraries, List<String> thresholds,
                               List<String> alertRoles, List<String> actRoles, String dslName, String activityLogKept,
                               String incidentsKept, String alertsKept, String contact, String model) {

    public MonitoringNotice {
        topics = List.copyOf(topics);
        notInspected = List.copyOf(notInspected);
        libraries = List.copyOf(libraries);
        thresholds = List.copyOf(thresholds);
        alertRoles = List.copyOf(alertRoles);
        actRoles = List.copyOf(actRoles);
    }

    /**
     * A category that is monitored.
     *
     * @param id          its id, for the page's anchors and tests
     * @param name        its name in plain words
     * @param description what it covers, in a sentence
     */
    public record Topic(String id, String name, String description) {
    }
}
