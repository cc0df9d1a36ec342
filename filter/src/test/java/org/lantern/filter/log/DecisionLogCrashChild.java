package org.lantern.filter.log;

import java.nio.file.Path;
import java.time.Instant;
import org.lantern.filter.decision.Action;
import org.lantern.filter.decision.Rule;

/**
 * Child process for {@link DecisionLogCrashTest}: appends entries to the log directory given as
 * the only argument, forever, printing {@code ACK n} once entry {@code n} is acknowledged as
 * durable. The parent kills it with no warning.
 */
public final class DecisionLogCrashChild {

    private DecisionLogCrashChild() {}

    /** @param args the log directory */
    public static void main(String[] args) throws Exception {
        DecisionLog log = DecisionLog.open(Path.of(args[0]));
        for (long n = 0; ; n++) {
            long id = n;
            log.append(entry(id)).thenRun(() -> {
                synchronized (System.out) {
                    System.out.println("ACK " + id);
                    System.out.flush();
                }
            });
        }
    }

    static LogEntry entry(long n) {
        return new LogEntry(Instant.parse("2026-01-05T09:30:00Z"), "ada", "p-1", "ks3", "10.0.0.1", "GET",
                "http://crash.example/" + n, Action.BLOCK, Rule.POLICY, "gambling", "ut1/gambling", "bet.example",
                "online-gambling", "unacceptable", null, 3, null, false, "blocked");
    }
}
