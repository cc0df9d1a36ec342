package org.lantern.filter.lists;

import java.util.Optional;

/** The three squidGuard list files a category folder may hold, and their file names. */
public enum ListKind {
    /** {@code domains}: one domain or IP per line. */
    DOMAINS("domains"),
    /** {@code urls}: one {@code host/path} per line. */
    URLS("urls"),
    /** {@code expressions}: one regular expression per line. */
    EXPRESSIONS("expressions");

    private final String fileName;

    ListKind(String fileName) {
        this.fileName = fileName;
    }

    /** @return the file name in a category folder */
    public String fileName() {
        return fileName;
    }

    /**
     * @param fileName a file name in a category folder
     * @return the kind it holds, or empty for files Lantern does not load (e.g. UT1's {@code
     *     very_restrictive_expression}, which squidGuard configs name explicitly)
     */
    public static Optional<ListKind> ofFileName(String fileName) {
        for (ListKind k : values()) {
            if (k.fileName.equals(fileName)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
