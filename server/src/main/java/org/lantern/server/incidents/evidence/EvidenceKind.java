package org.lantern.server.incidents.evidence;

/** What a piece of evidence is; screenshots and files are the ones with stored bytes. */
public enum EvidenceKind {
    /** An address, kept as text: Lantern never fetches it. */
    URL("Link"),
    /** A description of what was seen, in the recorder's words. */
    DESCRIPTION("Description"),
    /** An uploaded image. */
    SCREENSHOT("Screenshot"),
    /** An uploaded PDF or text file. */
    FILE("File");

    private final String label;

    EvidenceKind(String label) {
        this.label = label;
    }

    /** The word people see, e.g. "Screenshot". */
    public String label() {
        return label;
    }

    /** Whether items of this kind carry uploaded bytes. */
    public boolean hasContent() {
        return this == SCREENSHOT || this == FILE;
    }
}
