package org.lantern.server.incidents.evidence;

import java.util.List;

/** Evidence that cannot be added, with every reason in plain words; nothing was stored. */
public class EvidenceRejectedException extends RuntimeException {

    private final List<String> problems;

    EvidenceRejectedException(List<String> problems) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    EvidenceRejectedException(String problem) {
        this(List.of(problem));
    }

    /** Each problem, a sentence apiece. */
    public List<String> problems() {
        return problems;
    }
}
