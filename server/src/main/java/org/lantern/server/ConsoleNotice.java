package org.lantern.server;

import java.io.PrintStream;
import java.util.List;

/**
 * A boxed notice printed once to the console at start-up, for secrets a person must read off the
 * screen (one-time passwords). Printed to standard output, not the log, so it does not end up in
 * log files that are kept and shipped.
 */
public final class ConsoleNotice {

    private ConsoleNotice() {
    }

    /** Prints {@code lines} inside a box as wide as the longest line. */
    public static void print(PrintStream console, List<String> lines) {
        int width = Math.max(60, lines.stream().mapToInt(String::length).max().orElse(0));
        String rule = "+" + "-".repeat(width + 2) + "+";
        console.println(rule);
        for (String line : lines) {
            console.println("| " + line + " ".repeat(width - line.length()) + " |");
        }
        console.println(rule);
        console.flush();
    }
}
