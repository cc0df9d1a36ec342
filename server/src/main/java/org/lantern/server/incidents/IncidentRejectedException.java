package org.lantern.server.incidents;

import java.util.List;

/** What was submitted cannot be stored; {@link #problems()} says every reason. Nothing was changed. */
public class IncidentRejectedException extends RuntimeException {

    private final List<String> problems;

    IncidentRejectedException(List<String> problems) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
