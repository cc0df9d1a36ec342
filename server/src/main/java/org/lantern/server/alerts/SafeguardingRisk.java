package org.lantern.server.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One thing a person searched for, asked for or typed that the safeguarding monitor rated at or
 * above their age band's threshold, in one category: what {@link SafeguardingAlerts} records as a
 * new alert or folds into the person's open one for that category. Words of the illegal category
 * arrive already masked.
 *
 * @param at             when it was seen
 * @param personId       the person it was tied to, or {@code null}
 * @param subjectName    their name, or "unknown user"
 * @param proxyUser      the proxy user name, or {@code null}
 * @param clientIp       the client address, or {@code null}
 * @param url            the address the request went to
 * @param seenIn         where the words were
 * @param ageBand        the age band it was judged for, e.g. {@code ks3}
 * @param level          the level for that band, 1 to 5
 * @param categoryId     the monitor's category, e.g. {@code self-harm}
 * @param illegal        whether the category is the illegal one
 * @param phrase         the library phrase
 * @param normalised     how the text was read where it matched
 * @param matchedText    the words of the text that matched
 * @param context        the words around them (the whole text when short), for a school exclusion
 *                       offered when the alert is a false positive; {@code null} when masked
 * @param rule           the phrase's rule, as written in the library
 * @param library        the library's name
 * @param libraryVersion the library's version
 * @param helpSeeking    whether the phrase is help-seeking
 * @param policyVersion  the policy version in force
 * @param window         a repeat within this time of the open alert's latest is folded into it
 */
public record SafeguardingRisk(Instant at, Long personId, String subjectName, String proxyUser, String clientIp,
                               String url, Seen seenIn, String ageBand, int level, String categoryId,
                               boolean illegal, String phrase, String normalised, String matchedText, String context, String rule,
                               String library, String libraryVersion, boolean helpSeeking, long policyVersion,
                               Duration window) {

    /** Where the words that matched were. */
    public enum Seen {
        /** The search term of a search. */
        SEARCH("A search"),
        /** The path and query of an address asked for. */
        ADDRESS("An address asked for"),
        /** A form post or JSON body sent to a site: what was typed into it. */
        TYPED("Something typed into a web page");

        private final String sentence;

        Seen(String sentence) {
            this.sentence = sentence;
        }

        /** @return how the alert's reason starts, e.g. "A search" */
        public String sentence() {
            return sentence;
        }

        /** @return the stored id, e.g. {@code search} */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** @return the kind of alert this raises */
    public AlertKind kind() {
        return illegal ? AlertKind.SAFEGUARDING_ILLEGAL : AlertKind.SAFEGUARDING_RISK;
    }
}
