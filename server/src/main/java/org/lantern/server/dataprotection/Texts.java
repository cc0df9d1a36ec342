package org.lantern.server.dataprotection;

import java.util.List;

/** Checks on typed text shared by the register and the request forms. */
final class Texts {

    private Texts() {
    }

    static void require(List<String> problems, String what, String text, int max) {
        if (text == null || text.isBlank()) {
            problems.add(what + " must be given.");
        } else {
            optional(problems, what, text, max);
        }
    }

    static void optional(List<String> problems, String what, String text, int max) {
        if (text != null && text.strip().length() > max) {
            problems.add(what + " must be at most " + max + " characters.");
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
