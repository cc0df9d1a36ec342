package org.lantern.server.filtering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.lantern.filter.decision.Directory;
import org.lantern.filter.decision.Subject;
import org.lantern.policy.Group;
import org.lantern.policy.GroupKind;
import org.lantern.policy.PolicyDocument;
import org.lantern.server.people.NetworkIdentityType;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.lantern.server.people.YearGroup;

/**
 * The filter's view of the people directory: turns the proxy user name, or failing that the client
 * IP, into the person and the policy group whose rules apply to them. Pupils join the policy's
 * pupil group naming their year group (else their key stage); staff the policy's first staff
 * group; visitors and governors the visitor group (governors are not staff, so they get the least
 * access). A person whose internet access is removed, or whose leaving date has come, is marked
 * so, which the engine blocks everywhere.
 *
 * <p>Lookups are called for every web request, so people are cached for a short time
 * ({@code ttl}): a change in the directory (a leaver, a new device) is enforced within it. The
 * cache is shared by the directories built for successive policy versions.
 */
final class PeopleDirectory implements Directory {

    /** Beyond this many cached identities the cache is emptied, so a scan of addresses cannot exhaust memory. */
    private static final int MAX_CACHED = 100_000;

    private final People people;
    private final PolicyDocument policy;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached> cache;

    private record Cached(Optional<Person> person, Instant until) {
    }

    PeopleDirectory(People people, PolicyDocument policy, Clock clock, Duration ttl) {
        this(people, policy, clock, ttl, new ConcurrentHashMap<>());
    }

    private PeopleDirectory(People people, PolicyDocument policy, Clock clock, Duration ttl, Map<String, Cached> cache) {
        this.people = Objects.requireNonNull(people, "people");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.cache = cache;
    }

    /** The same directory and cache, mapping people to the groups of another policy version. */
    PeopleDirectory withPolicy(PolicyDocument newPolicy) {
        return new PeopleDirectory(people, newPolicy, clock, ttl, cache);
    }

    /** Forgets every cached person, so the next lookups read the directory afresh. */
    void forget() {
        cache.clear();
    }

    @Override
    public Optional<Subject> resolve(String userName, String clientIp) {
        Optional<Person> person = Optional.empty();
        if (userName != null && !userName.isBlank()) {
            person = lookup(NetworkIdentityType.PROXY_USERNAME, userName);
        }
        if (person.isEmpty() && clientIp != null && !clientIp.isBlank()) {
            person = lookup(NetworkIdentityType.DEVICE_IP, clientIp);
        }
        return person.map(this::subject);
    }

    /** The subject the filter judges a person as under this policy. */
    Subject subject(Person person) {
        LocalDate today = LocalDate.now(clock.withZone(People.SCHOOL_ZONE));
        boolean access = person.internetAccess() && !person.hasLeft(today);
        return new Subject(Long.toString(person.id()), person.displayName(), groupOf(person), access);
    }

    private String groupOf(Person person) {
        GroupKind kind = switch (person.kind()) {
            case PUPIL -> GroupKind.PUPIL;
            case STAFF -> GroupKind.STAFF;
            case GOVERNOR, VISITOR -> GroupKind.VISITOR;
        };
        if (kind == GroupKind.PUPIL && person.yearGroup() != null) {
            Optional<Group> byYear = policy.groups().stream().filter(g -> g.kind() == GroupKind.PUPIL)
                    .filter(g -> g.yearGroups().stream().anyMatch(y -> sameYear(y, person.yearGroup())))
                    .findFirst();
            if (byYear.isPresent()) {
                return byYear.get().id();
            }
            String keyStage = person.yearGroup().keyStage().keyStage();
            Optional<Group> byStage = policy.groups().stream().filter(g -> g.kind() == GroupKind.PUPIL)
                    .filter(g -> g.keyStages().stream().anyMatch(k -> k.equalsIgnoreCase(keyStage)))
                    .findFirst();
            if (byStage.isPresent()) {
                return byStage.get().id();
            }
        }
        GroupKind fallback = kind == GroupKind.PUPIL ? GroupKind.VISITOR : kind;
        return policy.groups().stream().filter(g -> g.kind() == fallback).map(Group::id).findFirst()
                // The engine re-maps a group the policy lacks to its default group.
                .orElse("unmapped-" + person.kind().name().toLowerCase(Locale.ROOT));
    }

    /** Policies spell year groups as printed ("Reception", "Y6", "Year 6"); the directory stores codes. */
    private static boolean sameYear(String policyYear, YearGroup year) {
        return YearGroup.parse(policyYear).map(year::equals).orElse(false);
    }

    private Optional<Person> lookup(NetworkIdentityType type, String value) {
        Optional<String> canonical = type.normalise(value);
        if (canonical.isEmpty()) {
            return Optional.empty();
        }
        String key = type.name() + ":" + canonical.get();
        Instant now = clock.instant();
        Cached hit = cache.get(key);
        if (hit != null && now.isBefore(hit.until())) {
            return hit.person();
        }
        Optional<Person> person = people.findByNetworkIdentity(type, canonical.get());
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(key, new Cached(person, now.plus(ttl)));
        return person;
    }
}
