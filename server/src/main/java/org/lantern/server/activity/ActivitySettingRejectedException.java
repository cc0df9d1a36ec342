package org.lantern.server.activity;

/** A change of an activity log setting that was refused, with the reason to show; nothing was changed. */
public class ActivitySettingRejectedException extends RuntimeException {

    ActivitySettingRejectedException(String message) {
        super(message);
    }
}
