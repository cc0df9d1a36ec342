package org.lantern.proxy.squidguard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.lantern.filter.lists.CategoryLists;
import org.lantern.filter.lists.FileReport;
import org.lantern.filter.lists.ListKind;
import org.lantern.filter.lists.ListLoader;
import org.lantern.filter.match.CategoryMatcher;
import org.lantern.filter.match.ListId;
import org.lantern.filter.match.Match;
import org.lantern.filter.url.MalformedUrlException;
import org.lantern.filter.url.NormalisedUrl;
import org.lantern.filter.url.UrlNormaliser;
import org.lantern.proxy.squidguard.SquidGuardConfig.AclBranch;
import org.lantern.proxy.squidguard.SquidGuardConfig.AclRule;
import org.lantern.proxy.squidguard.SquidGuardConfig.Dest;
import org.lantern.proxy.squidguard.SquidGuardConfig.PassEntry;
import org.lantern.proxy.squidguard.SquidGuardConfig.Redirect;
import org.lantern.proxy.squidguard.SquidGuardConfig.Source;

/**
 * Judges requests by a squidGuard.conf exactly as squidGuard does, with Lantern's list matching:
 * the first source class (in declaration order) whose criteria all match the client, that
 * source's acl (or {@code default}), the {@code within}/{@code outside}/{@code else} branch for the
 * moment, then the pass list left to right ({@code !dest} blocks on a match, {@code dest} passes
 * on a match, {@code any}/{@code all} pass, {@code none} blocks; falling off the end passes).
 * A blocked request is redirected by the blocking destination's redirect, else the branch's, else
 * the default acl's, with squidGuard's {@code %} substitutions.
 *
 * <p>The lists of every destination are loaded once into one {@link CategoryLists} snapshot
 * (category = destination name), so a request is one normalisation and one lookup however many
 * destinations the pass list names. Immutable and thread-safe.
 */
public final class SquidGuardPolicy {

    /** The list source name destinations are loaded under. */
    public static final String LIST_SOURCE = "squidguard";

    private final SquidGuardConfig config;
    private final CategoryLists lists;
    private final CategoryMatcher matcher;
    private final UrlNormaliser normaliser = new UrlNormaliser();

    private SquidGuardPolicy(SquidGuardConfig config, CategoryLists lists) {
        this.config = config;
        this.lists = lists;
        this.matcher = lists.matcher();
    }

    /**
     * Loads every list the configuration names.
     *
     * @param config the parsed configuration
     * @param progress receives one human-readable line per list file and a summary
     * @return the policy, ready to judge requests
     * @throws IOException if a list file is missing or unreadable: a policy with a list silently
     *     missing would pass what the school meant to block
     */
    public static SquidGuardPolicy load(SquidGuardConfig config, Consumer<String> progress) throws IOException {
        long started = System.nanoTime();
        ListLoader loader = new ListLoader();
        CategoryLists.Builder builder = CategoryLists.builder();
        long accepted = 0;
        long skipped = 0;
        int files = 0;
        for (Dest dest : config.dests().values()) {
            ListId id = new ListId(dest.name(), LIST_SOURCE);
            List<FileReport> reports = new ArrayList<>();
            for (Path p : dest.domainLists()) {
                reports.add(loadOne(loader, p, id, ListKind.DOMAINS, builder));
            }
            for (Path p : dest.urlLists()) {
                reports.add(loadOne(loader, p, id, ListKind.URLS, builder));
            }
            for (Path p : dest.expressionLists()) {
                reports.add(loadOne(loader, p, id, ListKind.EXPRESSIONS, builder));
            }
            for (FileReport r : reports) {
                files++;
                accepted += r.accepted();
                skipped += r.skipped();
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "dest %s: %s %s: %,d entries",
                        dest.name(), r.kind().fileName(), r.file(), r.accepted()));
                if (r.skipped() > 0) {
                    line.append(String.format(Locale.ROOT, ", %,d lines skipped (first: %s)", r.skipped(),
                            r.firstProblems().isEmpty() ? "?" : "line " + r.firstProblems().get(0).lineNumber()
                                    + " " + r.firstProblems().get(0).reason()));
                }
                progress.accept(line.toString());
            }
        }
        CategoryLists lists = builder.build();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        progress.accept(String.format(Locale.ROOT, "loaded %d list files of %d destinations: %,d entries, %,d lines skipped, in %d ms",
                files, config.dests().size(), accepted, skipped, took.toMillis()));
        return new SquidGuardPolicy(config, lists);
    }

    private static FileReport loadOne(ListLoader loader, Path file, ListId id, ListKind kind,
            CategoryLists.Builder builder) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException("dest " + id.category() + ": cannot read " + kind.fileName() + " list " + file);
        }
        return loader.loadFile(file, id, kind, builder);
    }

    /** @return the configuration this policy enforces */
    public SquidGuardConfig config() {
        return config;
    }

    /** @return the loaded lists, with per-file provenance */
    public CategoryLists lists() {
        return lists;
    }

    /**
     * @param request the request
     * @return the decision, with the reasons for it
     */
    public SquidGuardDecision evaluate(SquidGuardRequest request) {
        Source source = findSource(request);
        String sourceClass = source == null ? "default" : source.name();
        AclBranch branch = branchFor(source, request.time());
        List<PassEntry> pass = branch.pass().isEmpty() ? config.defaultAcl().pass() : branch.pass();

        NormalisedUrl url;
        try {
            url = "CONNECT".equalsIgnoreCase(request.method()) && !request.url().contains("://")
                    ? normaliser.normaliseConnect(request.url())
                    : normaliser.normalise(request.url());
        } catch (MalformedUrlException e) {
            return block(request, sourceClass, SquidGuardDecision.INVALID_URL, null, branch, List.of(), null);
        }
        List<Match> matches = matcher.match(url);
        for (PassEntry entry : pass) {
            boolean hit = switch (entry.kind()) {
                case ALL -> true;
                case IN_ADDR -> url.hostIsIp();
                case DEST -> matchesDest(matches, entry.dest());
            };
            if (!hit) {
                continue;
            }
            if (entry.allow()) {
                return new SquidGuardDecision(false, sourceClass, "", Optional.empty(), 0, matches, url);
            }
            String target = switch (entry.kind()) {
                case ALL -> "none";
                case IN_ADDR -> "in-addr";
                case DEST -> entry.dest();
            };
            Dest dest = entry.kind() == SquidGuardConfig.PassKind.DEST ? config.dests().get(entry.dest()) : null;
            return block(request, sourceClass, target, dest, branch, matches, url);
        }
        return new SquidGuardDecision(false, sourceClass, "", Optional.empty(), 0, matches, url);
    }

    private SquidGuardDecision block(SquidGuardRequest request, String sourceClass, String target, Dest dest,
            AclBranch branch, List<Match> matches, NormalisedUrl url) {
        Optional<Redirect> redirect = dest != null && dest.redirect().isPresent() ? dest.redirect()
                : branch.redirect().isPresent() ? branch.redirect() : config.defaultAcl().redirect();
        return new SquidGuardDecision(true, sourceClass, target,
                redirect.map(r -> substitute(r.template(), request, sourceClass, target)),
                redirect.map(Redirect::status).orElse(0), matches, url);
    }

    private static boolean matchesDest(List<Match> matches, String dest) {
        for (Match m : matches) {
            if (m.category().equals(dest)) {
                return true;
            }
        }
        return false;
    }

    private Source findSource(SquidGuardRequest request) {
        long ip = ipv4(request.clientIp());
        String user = known(request.user()).toLowerCase(Locale.ROOT);
        String name = known(request.clientName()).toLowerCase(Locale.ROOT);
        for (Source s : config.sources()) {
            if (matchesIp(s, ip) && matchesUser(s, user) && matchesDomain(s, name)) {
                return s;
            }
        }
        return null;
    }

    private static boolean matchesIp(Source s, long ip) {
        if (s.ipRanges().isEmpty()) {
            return true;
        }
        if (ip < 0) {
            return false;
        }
        for (SquidGuardConfig.IpRange r : s.ipRanges()) {
            if (r.contains(ip)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesUser(Source s, String user) {
        if (s.users().isEmpty()) {
            return true;
        }
        if (user.isEmpty()) {
            return false;
        }
        for (String u : s.users()) {
            if (u.equalsIgnoreCase(user)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesDomain(Source s, String name) {
        if (s.domains().isEmpty()) {
            return true;
        }
        for (String d : s.domains()) {
            if (name.equals(d) || name.endsWith("." + d)) {
                return true;
            }
        }
        return false;
    }

    private AclBranch branchFor(Source source, LocalDateTime time) {
        AclRule rule = config.defaultAcl();
        if (source != null) {
            for (AclRule r : config.acls()) {
                if (r.source().equals(source.name())) {
                    rule = r;
                    break;
                }
            }
        }
        if (rule.time().isPresent()) {
            boolean holds = config.times().get(rule.time().get().timeName()).holdsAt(time);
            boolean active = rule.time().get().within() == holds;
            if (!active) {
                if (rule.otherwise().isPresent()) {
                    return rule.otherwise().get();
                }
                rule = config.defaultAcl();
            }
        }
        return new AclBranch(rule.pass(), rule.redirect());
    }

    /**
     * squidGuard's redirect substitutions, as squidGuard 1.6 fills them: {@code %a} client
     * address, {@code %n} client name, {@code %i} user (both empty when unknown), {@code %s}
     * source class, {@code %t} target class, {@code %u} the URL as received, {@code %p} its path
     * and query without the leading slash, {@code %%} a percent sign; other {@code %} sequences
     * are kept as written.
     */
    static String substitute(String template, SquidGuardRequest request, String sourceClass, String target) {
        StringBuilder out = new StringBuilder(template.length() + request.url().length() + 32);
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '%' || i + 1 == template.length()) {
                out.append(c);
                continue;
            }
            char k = template.charAt(++i);
            switch (k) {
                case 'a' -> out.append(request.clientIp());
                case 'n' -> out.append(known(request.clientName()));
                case 'i' -> out.append(known(request.user()));
                case 's' -> out.append(sourceClass);
                case 't' -> out.append(target);
                case 'u' -> out.append(request.url());
                case 'p' -> out.append(rawPath(request.url()));
                case '%' -> out.append('%');
                default -> out.append('%').append(k);
            }
        }
        return out.toString();
    }

    private static String rawPath(String url) {
        int scheme = url.indexOf("://");
        int from = scheme < 0 ? 0 : scheme + 3;
        int slash = url.indexOf('/', from);
        return slash < 0 ? "" : url.substring(slash + 1);
    }

    private static String known(String value) {
        return value.equals("-") ? "" : value;
    }

    /** @return the address as an unsigned 32-bit value, or -1 when it is not dotted-quad IPv4 */
    static long ipv4(String text) {
        long value = 0;
        int octets = 0;
        int i = 0;
        while (octets < 4) {
            int start = i;
            int octet = 0;
            while (i < text.length() && i - start < 3 && Character.isDigit(text.charAt(i))) {
                octet = octet * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start || octet > 255) {
                return -1;
            }
            value = (value << 8) | octet;
            octets++;
            if (octets < 4) {
                if (i >= text.length() || text.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
        }
        return i == text.length() ? value : -1;
    }
}
