package org.lantern.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a long command on the terminal (stderr, so stdout keeps only the result): a line at
 * most every {@link #EVERY_NANOS}, and one at the end, so a slow download shows it is moving without
 * flooding a log.
 */
class Progress {

    private static final long EVERY_NANOS = 2_000_000_000L;

    private final PrintWriter err;
    private final String prefix;
    private long lastPrinted = System.nanoTime();

    Progress(PrintWriter err, String prefix) {
        this.err = err;
        this.prefix = prefix;
    }

    void downloaded(long bytes, long total) {
        if (due()) {
            say("downloaded " + megabytes(bytes) + (total > 0 ? " of " + megabytes(total) : ""));
        }
    }

    void downloadDone(long bytes) {
        say("downloaded " + megabytes(bytes));
    }

    void sent(long bytes, long total) {
        if (due() || bytes >= total) {
            say("sent " + megabytes(bytes) + " of " + megabytes(Math.max(bytes, total)));
        }
    }

    void unpacked(int entries, long bytes) {
        if (due()) {
            say("unpacked " + entries + " entries, " + megabytes(bytes));
        }
    }

    void unpackDone(int entries, long bytes) {
        say("unpacked " + entries + " entries, " + megabytes(bytes));
    }

    void classified(long lines, boolean done) {
        if (done || due()) {
            say("classified " + lines + " lines");
        }
    }

    private boolean due() {
        long now = System.nanoTime();
        if (now - lastPrinted < EVERY_NANOS) {
            return false;
        }
        lastPrinted = now;
        return true;
    }

    private void say(String line) {
        err.println(prefix + line);
        err.flush();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
