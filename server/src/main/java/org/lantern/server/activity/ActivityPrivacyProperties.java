package org.lantern.server.activity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The installation's starting point for who sees whose names in the activity log
 * ({@code lantern.activity.*}). The network manager searches the log for technical work (traffic,
 * devices, user names, addresses); whether they also see which pupil made a request is the school's
 * choice, made by the headteacher or the DSL on the activity log's settings page
 * ({@link ActivityNamesSetting}). This property only gives the value until the school first chooses:
 * off unless set, since a user name alone is enough to find a fault and a name is more than the work
 * needs.
 *
 * @param technicalSeesNames whether holders of ACTIVITY_READ_TECHNICAL see people's names and may
 *                           search by person before the school has chosen (default false)
 */
@ConfigurationProperties(prefix = "lantern.activity")
public record ActivityPrivacyProperties(Boolean technicalSeesNames) {

    /** Fills in the default: the network manager does not see names. */
    public ActivityPrivacyProperties {
        technicalSeesNames = Boolean.TRUE.equals(technicalSeesNames);
    }
}
