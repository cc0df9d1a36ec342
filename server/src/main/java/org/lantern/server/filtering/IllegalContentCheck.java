package org.lantern.server.filtering;

/**
 * Whether a URL falls under the illegal-content lists or an illegal policy category. Such content
 * can never be unblocked, by anyone (DfE filtering standard), so the unblocking feature asks this
 * before a request is even recorded as grantable. Implemented by the filtering feature.
 */
public interface IllegalContentCheck {

    /** True if {@code url} (any form a browser accepts) is illegal content for everyone. */
    boolean isIllegal(String url);
}
