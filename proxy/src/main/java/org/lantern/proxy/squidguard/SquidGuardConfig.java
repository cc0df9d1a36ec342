package org.lantern.proxy.squidguard;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed squidGuard.conf: the school's existing filtering policy as plain data, so Lantern can
 * enforce exactly what squidGuard enforced without the school rewriting anything.
 *
 * @param dbhome the list directory relative list paths are resolved against
 * @param logdir squidGuard's log directory: where {@code lantern squid-helper} writes its decision log unless told otherwise
 * @param times time rules by name
 * @param sources source classes in declaration order, the order squidGuard searches them in
 * @param dests destination classes by name, in declaration order
 * @param acls access rules for named sources, in declaration order
 * @param defaultAcl the rule for clients in no source class
 */
public record SquidGuardConfig(
        Path dbhome,
        Optional<Path> logdir,
        Map<String, TimeRule> times,
        List<Source> sources,
        Map<String, Dest> dests,
        List<AclRule> acls,
        AclRule defaultAcl) {

    /** Makes the configuration immutable. */
    public SquidGuardConfig {
        times = Map.copyOf(times);
        sources = List.copyOf(sources);
        dests = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dests));
        acls = List.copyOf(acls);
    }

    /**
     * A destination class: the lists that define it and where to send blocked requests.
     *
     * @param name the class name, as {@code %t} reports it
     * @param domainLists domainlist files, resolved
     * @param urlLists urllist files, resolved
     * @param expressionLists expressionlist files, resolved
     * @param redirect redirect used when this class blocks, overriding the acl's
     * @param log the log file named in the config, if any
     */
    public record Dest(String name, List<Path> domainLists, List<Path> urlLists,
            List<Path> expressionLists, Optional<Redirect> redirect, Optional<String> log) {

        /** Makes the lists immutable. */
        public Dest {
            domainLists = List.copyOf(domainLists);
            urlLists = List.copyOf(urlLists);
            expressionLists = List.copyOf(expressionLists);
        }
    }

    /**
     * A source class. A client belongs to it when every criterion given matches (any IP range,
     * any user, any domain), as in squidGuard.
     *
     * @param name the class name, as {@code %s} reports it
     * @param ipRanges client address ranges; empty means any address
     * @param users ident or proxy-auth user names; empty means any user
     * @param domains client DNS domains (suffix match); empty means any domain
     */
    public record Source(String name, List<IpRange> ipRanges, Set<String> users, List<String> domains) {

        /** Makes the criteria immutable. */
        public Source {
            ipRanges = List.copyOf(ipRanges);
            users = Set.copyOf(users);
            domains = List.copyOf(domains);
        }
    }

    /**
     * An inclusive IPv4 address range, as an unsigned 32-bit interval.
     *
     * @param first first address
     * @param last last address
     */
    public record IpRange(long first, long last) {

        /**
         * @param address an IPv4 address as an unsigned 32-bit value
         * @return whether the range holds it
         */
        public boolean contains(long address) {
            return address >= first && address <= last;
        }
    }

    /**
     * An access rule for one source (or the default), with an optional time condition and the
     * rule used when the time condition does not hold.
     *
     * @param source the source name, or {@code default}
     * @param time the time condition, if any
     * @param pass the pass list when the condition holds (or there is none)
     * @param redirect the redirect when the condition holds
     * @param otherwise the {@code else} branch, used when the condition does not hold
     */
    public record AclRule(String source, Optional<TimeCondition> time, List<PassEntry> pass,
            Optional<Redirect> redirect, Optional<AclBranch> otherwise) {

        /** Makes the pass list immutable. */
        public AclRule {
            pass = List.copyOf(pass);
        }
    }

    /**
     * The {@code else} part of a timed acl.
     *
     * @param pass its pass list
     * @param redirect its redirect
     */
    public record AclBranch(List<PassEntry> pass, Optional<Redirect> redirect) {

        /** Makes the pass list immutable. */
        public AclBranch {
            pass = List.copyOf(pass);
        }
    }

    /**
     * {@code within NAME} or {@code outside NAME}.
     *
     * @param timeName the time rule's name
     * @param within true for {@code within}, false for {@code outside}
     */
    public record TimeCondition(String timeName, boolean within) {}

    /**
     * One word of a pass list.
     *
     * @param kind what it tests
     * @param dest the destination class for {@link PassKind#DEST}, else empty
     * @param allow true to pass on a match, false ({@code !}) to block
     */
    public record PassEntry(PassKind kind, String dest, boolean allow) {}

    /** What a pass-list word tests. */
    public enum PassKind {
        /** A destination class. */
        DEST,
        /** {@code in-addr}: the host is an IP address literal. */
        IN_ADDR,
        /** {@code any}, {@code all} (and {@code none}, which is {@code !all}): always matches. */
        ALL
    }

    /**
     * A redirect template with squidGuard's {@code %} substitutions.
     *
     * @param template the URL template
     * @param status the HTTP status for {@code 301:}/{@code 302:}/{@code 303:}/{@code 307:}
     *     prefixed templates, or 0 for a transparent rewrite
     */
    public record Redirect(String template, int status) {}
}
