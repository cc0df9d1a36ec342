package org.lantern.server.dataprotection;

import java.time.Duration;

/**
 * The words for time left to a deadline, e.g. "1 day 4 hours left" or "overdue by 3 hours 5
 * minutes". The page shows the server's words; {@code countdown.js} rewrites them the same way
 * every minute, so the text is right without script and stays right with it.
 */
public final class Countdown {

    private Countdown() {
    }

    /** The time left (negative when past) in words. */
    public static String describe(Duration remaining) {
        boolean past = remaining.isNegative();
        long minutes = Math.abs(remaining.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        StringBuilder text = new StringBuilder();
        if (days > 0) {
            text.append(days).append(days == 1 ? " day " : " days ");
        }
        if (days > 0 || hours > 0) {
            text.append(hours).append(hours == 1 ? " hour " : " hours ");
        }
        text.append(mins).append(mins == 1 ? " minute" : " minutes");
        return past ? "overdue by " + text : text + " left";
    }
}
