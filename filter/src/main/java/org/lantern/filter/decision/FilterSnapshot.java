package org.lantern.filter.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lantern.filter.lists.CategoryLists;
import org.lantern.filter.match.Match;
import org.lantern.filter.url.NormalisedUrl;
import org.lantern.policy.Acceptability;
import org.lantern.policy.Activity;
import org.lantern.policy.Category;
import org.lantern.policy.Group;
import org.lantern.policy.GroupKind;
import org.lantern.policy.Level;
import org.lantern.policy.PolicyDocument;
import org.lantern.policy.Verdict;

/**
 * Everything one decision depends on, frozen together: the policy and its version, the category
 * lists, the school's local lists (a separate layer, so an edit does not reload the category
 * lists), the illegal-content lists, the directory, the temporary unblocks and the settings. A
 * request is judged against one snapshot from start to finish, so it never sees a new policy with
 * old lists. Immutable and thread-safe; the {@code with...} methods return a new snapshot.
 *
 * <p>The decision procedure, first applicable step wins (each is a {@link Rule}):
 * <ol>
 *   <li>the URL is on an illegal-content list: {@code BLOCK_AND_ALERT};</li>
 *   <li>a list matched whose policy category is {@code illegal}: {@code BLOCK_AND_ALERT};</li>
 *   <li>the person's internet access is removed: {@code BLOCK};</li>
 *   <li>the network gate holds the person until they accept the acceptable-use agreement, and the
 *       request is not for the agreement page's host: {@code BLOCK}, with the agreement page as
 *       where to send the browser ({@link Decision#rewriteUrl()});</li>
 *   <li>an active temporary unblock covers the person or group and the URL: {@code ALLOW_AND_LOG};</li>
 *   <li>the local allow list matched: {@code ALLOW};</li>
 *   <li>the local block list matched: {@code BLOCK};</li>
 *   <li>each matched list maps to policy categories ({@code Category.lists}), each category to the
 *       User Actions rows naming it; every row is evaluated for the group at the request's time and
 *       the most restrictive verdict wins: alert over deny over conditional allow over allow.
 *       An {@code unacceptable-and-illegal} verdict is {@code BLOCK_AND_ALERT}, another denial
 *       {@code BLOCK}, an allowance only for nominated users or at certain times {@code
 *       ALLOW_AND_LOG}, plain {@code acceptable} {@code ALLOW};</li>
 *   <li>a raw IP host the settings block or log: {@code BLOCK} or {@code ALLOW_AND_LOG};</li>
 *   <li>otherwise {@code ALLOW} ({@link Rule#UNREGULATED} when lists matched that no row names,
 *       {@link Rule#NO_MATCH} when none matched).</li>
 * </ol>
 * Matches in the settings' bypass lists, and raw IP hosts unless the settings allow them, set
 * {@link Decision#bypassAttempt()}. Allowed requests to search engines carry a SafeSearch rewrite.
 */
public final class FilterSnapshot {

    private static final SafeSearch SAFE_SEARCH = new SafeSearch();

    private final PolicyDocument policy;
    private final long policyVersion;
    private final CategoryLists lists;
    private final CategoryLists local;
    private final IllegalContentList illegal;
    private final Directory directory;
    private final List<UnblockException> exceptions;
    private final FilterSettings settings;

    private final Acceptability acceptability;
    private final Map<String, Group> groups;
    private final Group defaultGroup;
    private final Map<String, CategoryRule[]> rulesByList;

    /** A policy category as the engine needs it: the category and the rows naming it. */
    private record CategoryRule(Category category, Activity[] activities) {}

    private FilterSnapshot(PolicyDocument policy, long policyVersion, CategoryLists lists, CategoryLists local,
            IllegalContentList illegal, Directory directory, List<UnblockException> exceptions,
            FilterSettings settings) {
        this.policy = Objects.requireNonNull(policy, "policy");
        if (policyVersion < 1) {
            throw new IllegalArgumentException("policy versions start at 1, got " + policyVersion);
        }
        this.policyVersion = policyVersion;
        this.lists = Objects.requireNonNull(lists, "lists");
        this.local = Objects.requireNonNull(local, "local");
        this.illegal = Objects.requireNonNull(illegal, "illegal");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.exceptions = List.copyOf(exceptions);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.acceptability = Acceptability.of(policy);
        Map<String, Group> byId = new HashMap<>();
        for (Group g : policy.groups()) {
            byId.put(g.id(), g);
        }
        this.groups = Map.copyOf(byId);
        this.defaultGroup = defaultGroup(policy, settings, groups);
        this.rulesByList = rulesByList(policy);
    }

    /**
     * A snapshot with no lists, no directory, no exceptions and the default settings.
     *
     * @param policy the policy in force
     * @param policyVersion its version number (1 or more)
     * @return the snapshot
     * @throws IllegalArgumentException when the policy has no visitor group to use as default
     */
    public static FilterSnapshot of(PolicyDocument policy, long policyVersion) {
        return new FilterSnapshot(policy, policyVersion, CategoryLists.empty(), CategoryLists.empty(),
                IllegalContentList.empty(), Directory.empty(), List.of(), FilterSettings.defaults());
    }

    /** @return a snapshot with another policy and version, everything else kept */
    public FilterSnapshot withPolicy(PolicyDocument newPolicy, long newVersion) {
        return new FilterSnapshot(newPolicy, newVersion, lists, local, illegal, directory, exceptions, settings);
    }

    /** @return a snapshot with other category lists */
    public FilterSnapshot withLists(CategoryLists newLists) {
        return new FilterSnapshot(policy, policyVersion, newLists, local, illegal, directory, exceptions, settings);
    }

    /**
     * The school's local allow and block entries are a layer of their own, so that an edit swaps
     * this small layer in milliseconds while the category lists (seconds to load) stay as they are.
     * Entries are matched as if they were in the category lists: build the layer with {@link
     * CategoryLists.Builder#allow} and {@link CategoryLists.Builder#block}.
     *
     * @return a snapshot with another local-list layer
     */
    public FilterSnapshot withLocalLists(CategoryLists newLocal) {
        return new FilterSnapshot(policy, policyVersion, lists, newLocal, illegal, directory, exceptions, settings);
    }

    /** @return a snapshot with other illegal-content lists */
    public FilterSnapshot withIllegalContent(IllegalContentList newIllegal) {
        return new FilterSnapshot(policy, policyVersion, lists, local, newIllegal, directory, exceptions, settings);
    }

    /** @return a snapshot with another directory */
    public FilterSnapshot withDirectory(Directory newDirectory) {
        return new FilterSnapshot(policy, policyVersion, lists, local, illegal, newDirectory, exceptions, settings);
    }

    /** @return a snapshot with another set of temporary unblocks (expired ones may stay: time filters them) */
    public FilterSnapshot withExceptions(List<UnblockException> newExceptions) {
        return new FilterSnapshot(policy, policyVersion, lists, local, illegal, directory, newExceptions, settings);
    }

    /** @return a snapshot with other settings */
    public FilterSnapshot withSettings(FilterSettings newSettings) {
        return new FilterSnapshot(policy, policyVersion, lists, local, illegal, directory, exceptions, newSettings);
    }

    /** @return the policy in force */
    public PolicyDocument policy() {
        return policy;
    }

    /** @return the version of the policy in force */
    public long policyVersion() {
        return policyVersion;
    }

    /** @return the category lists */
    public CategoryLists lists() {
        return lists;
    }

    /** @return the local-list layer (the school's own allow and block entries) */
    public CategoryLists localLists() {
        return local;
    }

    /** @return the illegal-content lists */
    public IllegalContentList illegalContent() {
        return illegal;
    }

    /** @return the temporary unblocks, including any that have expired */
    public List<UnblockException> exceptions() {
        return exceptions;
    }

    /** @return the settings */
    public FilterSettings settings() {
        return settings;
    }

    /** @return the group unidentified requests are judged as */
    public Group defaultGroup() {
        return defaultGroup;
    }

    /**
     * Judges one request. Never throws for any request content: every outcome is a decision.
     *
     * @param request the request
     * @return the decision, explaining itself
     */
    public Decision decide(DecisionRequest request) {
        NormalisedUrl url = request.url();
        Subject subject = resolve(request);
        Group group = groups.get(subject.groupId());
        String term = SAFE_SEARCH.searchTerm(url);

        Match listed = illegal.match(url);
        if (listed != null) {
            Category category = illegalCategoryOf(listed.category());
            return new Decision(request, Action.BLOCK_AND_ALERT, Rule.ILLEGAL_LIST,
                    "This page is blocked because it is on a list of illegal content. It is blocked for everyone,"
                            + " at all times.",
                    listed, category == null ? null : category.id(), null, Level.UNACCEPTABLE_AND_ILLEGAL, null,
                    policyVersion, subject, term, null, false);
        }

        List<Match> matches = withLocal(lists.matcher().match(url), local.matcher().match(url));
        boolean rawIp = url.hostIsIp() && settings.rawIpHosts() != RawIpHosts.ALLOW;
        boolean bypass = rawIp;
        Match localAllow = null;
        Match localBlock = null;
        for (int i = 0; i < matches.size(); i++) {
            Match m = matches.get(i);
            String list = m.category();
            CategoryRule[] rules = rulesByList.get(list);
            if (rules != null) {
                for (CategoryRule rule : rules) {
                    if (rule.category().illegal()) {
                        return new Decision(request, Action.BLOCK_AND_ALERT, Rule.ILLEGAL_CATEGORY,
                                "This page is blocked because it is in the " + rule.category().name()
                                        + " category, which is illegal in the UK. It is blocked for everyone, at"
                                        + " all times.",
                                m, rule.category().id(), null, Level.UNACCEPTABLE_AND_ILLEGAL, null, policyVersion,
                                subject, term, null, true);
                    }
                }
            }
            if (settings.bypassLists().contains(list)) {
                bypass = true;
            }
            if (localAllow == null && CategoryLists.LOCAL_ALLOW.equals(list)
                    && CategoryLists.LOCAL_SOURCE.equals(m.source())) {
                localAllow = m;
            } else if (localBlock == null && CategoryLists.LOCAL_BLOCK.equals(list)
                    && CategoryLists.LOCAL_SOURCE.equals(m.source())) {
                localBlock = m;
            }
        }

        if (!subject.internetAccess()) {
            return new Decision(request, Action.BLOCK, Rule.ACCESS_REMOVED,
                    "Your internet access has been removed. Please speak to a member of staff.",
                    null, null, null, null, null, policyVersion, subject, term, null, bypass);
        }

        if (subject.agreementPending() && !url.host().equals(settings.agreementHost())) {
            return new Decision(request, Action.BLOCK, Rule.AGREEMENT_REQUIRED,
                    "Please read and accept the school's acceptable-use agreement before using the internet.",
                    null, null, null, null, null, policyVersion, subject, term, settings.agreementPage(), bypass);
        }

        String rewrite = SAFE_SEARCH.rewrite(url, request.connect());
        for (int i = 0; i < exceptions.size(); i++) {
            UnblockException e = exceptions.get(i);
            if (e.activeAt(request.at()) && e.coversSubject(subject) && e.coversUrl(url)) {
                return new Decision(request, Action.ALLOW_AND_LOG, Rule.UNBLOCK_EXCEPTION,
                        "Allowed by a temporary unblock approved by " + e.approvedBy() + ": " + e.reason(),
                        matches.isEmpty() ? null : matches.get(0), null, null, null, e.id(), policyVersion, subject,
                        term, rewrite, bypass);
            }
        }
        if (localAllow != null) {
            return new Decision(request, Action.ALLOW, Rule.LOCAL_ALLOW, "Allowed by the school's own allow list.",
                    localAllow, null, null, null, null, policyVersion, subject, term, rewrite, false);
        }
        if (localBlock != null) {
            return new Decision(request, Action.BLOCK, Rule.LOCAL_BLOCK,
                    "This page is blocked by the school's own block list.",
                    localBlock, null, null, null, null, policyVersion, subject, term, null, bypass);
        }

        Match bestMatch = null;
        CategoryRule bestRule = null;
        Activity bestActivity = null;
        Verdict best = null;
        int bestRank = 0;
        for (int i = 0; i < matches.size(); i++) {
            Match m = matches.get(i);
            CategoryRule[] rules = rulesByList.get(m.category());
            if (rules == null) {
                continue;
            }
            for (CategoryRule rule : rules) {
                for (Activity activity : rule.activities()) {
                    Verdict v = evaluate(activity, group, request.at());
                    int rank = rank(v);
                    if (rank > bestRank) {
                        bestRank = rank;
                        best = v;
                        bestMatch = m;
                        bestRule = rule;
                        bestActivity = activity;
                    }
                }
            }
        }
        if (best != null && !best.allowed()) {
            Action action = best.alert() ? Action.BLOCK_AND_ALERT : Action.BLOCK;
            return new Decision(request, action, Rule.POLICY,
                    "This page is blocked because it is in the " + bestRule.category().name()
                            + " category. The school's policy for \"" + bestActivity.text() + "\": " + best.reason(),
                    bestMatch, bestRule.category().id(), bestActivity.id(), best.level(), null, policyVersion,
                    subject, term, null, bypass);
        }
        if (rawIp && settings.rawIpHosts() == RawIpHosts.BLOCK) {
            return new Decision(request, Action.BLOCK, Rule.RAW_IP,
                    "This page is blocked because it is addressed by a bare IP number rather than a name, a"
                            + " common way round the school's filter.",
                    bestMatch, null, null, null, null, policyVersion, subject, term, null, true);
        }
        if (best != null) {
            Action action = best.level() == Level.ACCEPTABLE && !rawIp ? Action.ALLOW : Action.ALLOW_AND_LOG;
            return new Decision(request, action, Rule.POLICY,
                    "Allowed: it is in the " + bestRule.category().name() + " category. " + best.reason(),
                    bestMatch, bestRule.category().id(), bestActivity.id(), best.level(), null, policyVersion,
                    subject, term, rewrite, bypass);
        }
        if (rawIp) {
            return new Decision(request, Action.ALLOW_AND_LOG, Rule.RAW_IP,
                    "Allowed, and logged: it is addressed by a bare IP number rather than a name.",
                    matches.isEmpty() ? null : matches.get(0), null, null, null, null, policyVersion, subject, term,
                    rewrite, true);
        }
        if (!matches.isEmpty()) {
            return new Decision(request, Action.ALLOW, Rule.UNREGULATED,
                    "Allowed: it is listed as " + matches.get(0).category()
                            + ", which the school's policy does not restrict.",
                    matches.get(0), null, null, null, null, policyVersion, subject, term, rewrite, bypass);
        }
        return new Decision(request, Action.ALLOW, Rule.NO_MATCH, "Allowed: it is in no restricted category.",
                null, null, null, null, null, policyVersion, subject, term, rewrite, false);
    }

    /**
     * Category matches, then the local layer's. The local steps look through every match, so the
     * order only decides which match a decision names when several lists hold the URL.
     */
    private static List<Match> withLocal(List<Match> category, List<Match> localMatches) {
        if (localMatches.isEmpty()) {
            return category;
        }
        if (category.isEmpty()) {
            return localMatches;
        }
        List<Match> all = new ArrayList<>(category.size() + localMatches.size());
        all.addAll(category);
        all.addAll(localMatches);
        return all;
    }

    private Subject resolve(DecisionRequest request) {
        Optional<Subject> found;
        try {
            found = directory.resolve(request.userName(), request.clientIp());
        } catch (RuntimeException e) {
            // A failing directory must not stop filtering; the request is judged as unidentified.
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            return Subject.unknown(defaultGroup.id());
        }
        Subject s = found.get();
        if (!groups.containsKey(s.groupId())) {
            // The directory names a group this policy version no longer has.
            return s.inGroup(defaultGroup.id(), "the directory named group " + s.groupId()
                    + ", which this policy version does not have, so the default group");
        }
        return s;
    }

    private Verdict evaluate(Activity activity, Group group, Instant at) {
        try {
            return acceptability.evaluate(activity, group, at);
        } catch (IllegalArgumentException e) {
            // Fail closed: a row the parser should have refused must not open content.
            return new Verdict(Level.UNACCEPTABLE, false, false,
                    "The policy row ticks no level for " + group.name() + ", so it is treated as unacceptable.");
        }
    }

    /** Alert over deny over conditional allow over allow, so the most restrictive verdict wins. */
    private static int rank(Verdict v) {
        if (v.alert()) {
            return 4;
        }
        if (!v.allowed()) {
            return 3;
        }
        return v.level() == Level.ACCEPTABLE ? 1 : 2;
    }

    private Category illegalCategoryOf(String list) {
        CategoryRule[] rules = rulesByList.get(list);
        if (rules != null) {
            for (CategoryRule rule : rules) {
                if (rule.category().illegal()) {
                    return rule.category();
                }
            }
        }
        return null;
    }

    private static Group defaultGroup(PolicyDocument policy, FilterSettings settings, Map<String, Group> groups) {
        if (settings.defaultGroupId() != null) {
            Group g = groups.get(settings.defaultGroupId());
            if (g == null) {
                throw new IllegalArgumentException(
                        "default group " + settings.defaultGroupId() + " is not a group of the policy");
            }
            return g;
        }
        for (Group g : policy.groups()) {
            if (g.kind() == GroupKind.VISITOR) {
                return g;
            }
        }
        throw new IllegalArgumentException(
                "the policy has no visitor group; name a default group for unidentified requests in the settings");
    }

    /** Precomputes list category -> policy categories -> activities, so a decision does no searching. */
    private static Map<String, CategoryRule[]> rulesByList(PolicyDocument policy) {
        Map<String, List<Activity>> activitiesByCategory = new HashMap<>();
        for (Activity a : policy.activities()) {
            for (String c : a.categories()) {
                activitiesByCategory.computeIfAbsent(c, k -> new ArrayList<>()).add(a);
            }
        }
        Map<String, List<CategoryRule>> byList = new LinkedHashMap<>();
        for (Category c : policy.categories()) {
            CategoryRule rule = new CategoryRule(c,
                    activitiesByCategory.getOrDefault(c.id(), List.of()).toArray(new Activity[0]));
            for (String list : c.lists()) {
                byList.computeIfAbsent(list, k -> new ArrayList<>()).add(rule);
            }
        }
        Map<String, CategoryRule[]> frozen = new HashMap<>();
        byList.forEach((list, rules) -> frozen.put(list, rules.toArray(new CategoryRule[0])));
        return Map.copyOf(frozen);
    }
}
