package org.lantern.policy;

/**
 * One problem found in a policy document, located so that the person editing the YAML can go
 * straight to it.
 *
 * @param line    1-based line in the YAML (0 if unknown)
 * @param column  1-based column in the YAML (0 if unknown)
 * @param path    field path, e.g. {@code activities[3].levels[0]}; empty for the whole document
 * @param message what is wrong
 */
public record PolicyError(int line, int column, String path, String message) {

    /** E.g. {@code line 42, column 7: activities[3].levels[0]: "sometimes" is not one of …}. */
    @Override
    public String toString() {
        String where = line > 0 ? "line " + line + ", column " + column + ": " : "";
        return where + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
