package org.lantern.filter.match;

/** Which kind of list entry produced a {@link Match}, mirroring squidGuard's three list types. */
public enum MatchKind {
  /** A domainlist entry: the host equals the entry or is a sub-domain of it. */
  DOMAIN,
  /** A urllist entry: host by label suffix and path by prefix. */
  URL,
  /** An expressionlist entry: a regular expression found in the URL. */
  EXPRESSION
}
