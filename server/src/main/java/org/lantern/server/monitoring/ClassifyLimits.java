package org.lantern.server.monitoring;

/**
 * The bounds of one {@code POST /api/v1/monitor/classify} request, public so that a client
 * ({@code lantern classify --server}) sends its texts in batches the server takes: every text costs
 * a pass of the matcher, and the body is held whole while it is read.
 */
public final class ClassifyLimits {

    /** Texts a request may hold. */
    public static final int MAX_TEXTS = 1000;
    /** Characters of all a request's texts together. */
    public static final int MAX_CHARS = 256 * 1024;
    /** The body read at most: the texts' characters with room for JSON's quotes and escapes. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private ClassifyLimits() {
    }
}
