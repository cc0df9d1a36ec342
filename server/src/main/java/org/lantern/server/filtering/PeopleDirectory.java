package org.lantern.server.filtering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.lantern.filter.decision.Directory;
import org.lantern.filter.decision.Subject;
import org.lantern.policy.PolicyDocument;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.people.GroupChoice;
import org.lantern.server.people.GroupMembership;
import org.lantern.server.people.GroupMemberships;
import org.lantern.server.people.NetworkIdentityType;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;

/**
 * The filter's view of the people directory: turns the proxy user name, or failing that the client
 * IP, into the person and the policy group whose rules apply to them, chosen by {@link
 * GroupChoice} (an explicit membership such as nominated staff first, then the defaults for the
 * person's kind) with the reason, so a decision explains the group it used. A person whose
 * internet access is removed, or whose leaving date has come, is marked so, which the engine
 * blocks everywhere; one the {@link AgreementGate} holds in their group is marked as owing the
 * acceptable-use agreement, which the engine sends to the agreement page.
 *
 * <p>Lookups are called for every web request, so people are cached for a short time
 * ({@code ttl}). The people feature announces each change ({@code PeopleChanged}) and the filter
 * then {@linkplain #forget(Collection) forgets} those people, so the TTL only bounds changes made
 * behind Lantern's back. The cache is shared by the directories built for successive policy
 * versions.
 */
final class PeopleDirectory implements Directory {

    /** Beyond this many cached identities the cache is emptied, so a scan of addresses cannot exhaust memory. */
    private static final int MAX_CACHED = 100_000;

    private final People people;
    private final GroupMemberships memberships;
    private final PolicyDocument policy;
    private final Clock clock;
    private final Duration ttl;
    private final AgreementGate gate;
    private final Cache cache;

    /**
     * A person as last read, with their memberships and the groups the agreement gate holds them
     * in; empty when nobody has the identity.
     */
    private record Cached(Optional<Person> person, List<GroupMembership> memberships, Set<String> heldInGroups,
                          Instant until) {
    }

    /**
     * The cached identities, and a count of forgets: a lookup that read the directory before a
     * change committed must not put what it read back after the change's people were forgotten.
     */
    private record Cache(Map<String, Cached> entries, AtomicLong forgets) {
    }

    PeopleDirectory(People people, GroupMemberships memberships, PolicyDocument policy, Clock clock, Duration ttl,
                    AgreementGate gate) {
        this(people, memberships, policy, clock, ttl, gate, new Cache(new ConcurrentHashMap<>(), new AtomicLong()));
    }

    private PeopleDirectory(People people, GroupMemberships memberships, PolicyDocument policy, Clock clock,
                            Duration ttl, AgreementGate gate, Cache cache) {
        this.people = Objects.requireNonNull(people, "people");
        this.memberships = Objects.requireNonNull(memberships, "memberships");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.cache = cache;
    }

    /** The same directory and cache, mapping people to the groups of another policy version. */
    PeopleDirectory withPolicy(PolicyDocument newPolicy) {
        return new PeopleDirectory(people, memberships, newPolicy, clock, ttl, gate, cache);
    }

    /** Forgets every cached person, so the next lookups read the directory afresh. */
    void forget() {
        cache.forgets().incrementAndGet();
        cache.entries().clear();
    }

    /**
     * Forgets these people, and every identity cached as nobody's (a changed person may have just
     * been given it), so their next request reads the directory afresh.
     */
    void forget(Collection<Long> personIds) {
        cache.forgets().incrementAndGet();
        cache.entries().values().removeIf(c -> c.person().map(p -> personIds.contains(p.id())).orElse(true));
    }

    @Override
    public Optional<Subject> resolve(String userName, String clientIp) {
        Optional<Cached> found = Optional.empty();
        if (userName != null && !userName.isBlank()) {
            found = lookup(NetworkIdentityType.PROXY_USERNAME, userName);
        }
        if (found.isEmpty() && clientIp != null && !clientIp.isBlank()) {
            found = lookup(NetworkIdentityType.DEVICE_IP, clientIp);
        }
        return found.map(this::subject);
    }

    /** The subject the filter judges a person as under this policy. */
    private Subject subject(Cached found) {
        Person person = found.person().orElseThrow();
        LocalDate today = LocalDate.now(clock.withZone(SchoolTime.ZONE));
        boolean access = person.internetAccess() && !person.hasLeft(today);
        GroupChoice group = GroupChoice.of(policy, person, found.memberships());
        return new Subject(Long.toString(person.id()), person.displayName(), group.groupId(), access, group.reason(),
                found.heldInGroups().contains(group.groupId()));
    }

    private Optional<Cached> lookup(NetworkIdentityType type, String value) {
        Optional<String> canonical = type.normalise(value);
        if (canonical.isEmpty()) {
            return Optional.empty();
        }
        String key = type.name() + ":" + canonical.get();
        Instant now = clock.instant();
        Cached hit = cache.entries().get(key);
        if (hit == null || !now.isBefore(hit.until())) {
            long forgets = cache.forgets().get();
            Optional<Person> person = people.findByNetworkIdentity(type, canonical.get());
            hit = new Cached(person, person.map(p -> memberships.of(p.id())).orElse(List.of()),
                    person.map(gate::heldInGroups).orElse(Set.of()), now.plus(ttl));
            if (cache.entries().size() >= MAX_CACHED) {
                cache.entries().clear();
            }
            if (cache.forgets().get() == forgets) {
                cache.entries().put(key, hit);
            }
        }
        return hit.person().isPresent() ? Optional.of(hit) : Optional.empty();
    }
}
