package org.lantern.server.dataprotection;

import java.util.List;

/** A register entry or request that cannot be stored as given; each problem is a sentence to show. */
public class DataProtectionException extends RuntimeException {

    private final List<String> problems;

    public DataProtectionException(List<String> problems) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
