package org.lantern.server.activity;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.lantern.activity.ActivityRow;
import org.lantern.activity.ingest.BadLineException;
import org.lantern.activity.ingest.LineParser;
import org.lantern.server.people.GroupMemberships;
import org.lantern.server.people.NetworkIdentity;
import org.lantern.server.people.NetworkIdentityType;
import org.lantern.server.people.People;
import org.lantern.server.people.PeopleChanged;
import org.lantern.server.people.Person;
import org.lantern.server.policy.PolicyChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ties each ingested row to a person in the people directory, by the proxy user name, else by the
 * client IP, and copies in what is true of them now (their id, year group, filter group and
 * device), so the row still says who it was after they change year or the address moves on.
 * Rows are attributed as they arrive, seconds after the request, so "now" is "then".
 *
 * <p>A row the filter already tied to a person (Lantern's decision log names the person and group
 * it judged) keeps them; only what the filter does not know (the year group, the device) is added.
 * A row nobody can be found for keeps {@code personId} null: an unknown user is ordinary (a guest,
 * a device not in the register), not an error.
 *
 * <p>The device is the person's registered MAC when the row was tied to them by a device IP
 * allocated to them, since that address is then one of their devices; a user name says nothing
 * about which device was used.
 *
 * <p>Ingest must stay fast, so what each user name, address and person resolves to is cached,
 * nobody included, and the cache is emptied when people or the policy change (after the change
 * commits, so a lookup cannot put the old facts back).
 */
@Component
public class ActivityAttribution {

    /** Beyond this many entries the cache is emptied, so a scan of addresses cannot exhaust memory. */
    private static final int MAX_CACHED = 100_000;

    private final People people;
    private final GroupMemberships memberships;
    /** By the value as the log spells it, so a hit costs one map lookup and no normalising. */
    private final Map<String, Optional<Who>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Optional<Who>> byIp = new ConcurrentHashMap<>();
    private final Map<Long, Optional<Who>> byPerson = new ConcurrentHashMap<>();
    /** Counts forgets, so a lookup that read before a change cannot cache what it read after the change. */
    private final AtomicLong forgets = new AtomicLong();

    ActivityAttribution(People people, GroupMemberships memberships) {
        this.people = people;
        this.memberships = memberships;
    }

    /** What a row is tied to. */
    private record Who(long personId, String yearGroup, String groupId, String device) {
    }

    /**
     * @param row a row as its source gave it
     * @return the row with the person, year group, filter group and device filled in where they
     *     can be; the row itself when nobody can be found
     */
    public ActivityRow attribute(ActivityRow row) {
        if (row.personId() != null) {
            Optional<Who> known = lookup(byPerson, row.personId(), () -> people.find(row.personId()), false);
            Optional<Who> byIp = lookup(NetworkIdentityType.DEVICE_IP, row.clientIp());
            String device = byIp.filter(w -> w.personId() == row.personId()).map(Who::device).orElse(row.device());
            return with(row, row.personId(), known.map(Who::yearGroup).orElse(row.yearGroup()),
                    row.groupId() != null ? row.groupId() : known.map(Who::groupId).orElse(null), device);
        }
        Optional<Who> who = lookup(NetworkIdentityType.PROXY_USERNAME, row.user())
                .or(() -> lookup(NetworkIdentityType.DEVICE_IP, row.clientIp()));
        return who.map(w -> with(row, w.personId(), w.yearGroup(), w.groupId(), w.device())).orElse(row);
    }

    /**
     * @param parser reads one log format
     * @return a parser whose rows are {@linkplain #attribute attributed}
     */
    public LineParser attributing(LineParser parser) {
        return new LineParser() {
            @Override
            public String source() {
                return parser.source();
            }

            @Override
            public ActivityRow parse(byte[] line, int from, int to, boolean ascii) throws BadLineException {
                ActivityRow row = parser.parse(line, from, to, ascii);
                return row == null ? null : attribute(row);
            }
        };
    }

    /** Forgets everything cached, so the next rows read the directory afresh. */
    void forget() {
        forgets.incrementAndGet();
        byUser.clear();
        byIp.clear();
        byPerson.clear();
    }

    /** After the change commits, so that a row ingested meanwhile cannot cache the old facts again. */
    @TransactionalEventListener(fallbackExecution = true)
    void onPeopleChanged(PeopleChanged event) {
        forget();
    }

    /** A new policy may put people in other filter groups. */
    @TransactionalEventListener(fallbackExecution = true)
    void onPolicyChanged(PolicyChanged event) {
        forget();
    }

    private Optional<Who> lookup(NetworkIdentityType type, String value) {
        if (value == null || value.isBlank() || value.equals("-")) {
            return Optional.empty();
        }
        boolean byDevice = type == NetworkIdentityType.DEVICE_IP;
        return lookup(byDevice ? byIp : byUser, value, () -> type.normalise(value)
                .flatMap(canonical -> people.findByNetworkIdentity(type, canonical)), byDevice);
    }

    private <K> Optional<Who> lookup(Map<K, Optional<Who>> cache, K key, Supplier<Optional<Person>> find,
                                     boolean byDevice) {
        Optional<Who> hit = cache.get(key);
        if (hit == null) {
            long before = forgets.get();
            hit = find.get().map(p -> who(p, byDevice));
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            if (forgets.get() == before) {
                cache.put(key, hit);
            }
        }
        return hit;
    }

    private Who who(Person person, boolean byDevice) {
        String device = byDevice ? person.networkIdentities().stream()
                .filter(n -> n.type() == NetworkIdentityType.DEVICE_MAC).map(NetworkIdentity::value)
                .findFirst().orElse(null) : null;
        return new Who(person.id(), person.yearGroup() == null ? null : person.yearGroup().code(), group(person), device);
    }

    private String group(Person person) {
        try {
            return memberships.choice(person).groupId();
        } catch (NoSuchElementException e) {
            // No policy in force yet: no group to name.
            return null;
        }
    }

    private static ActivityRow with(ActivityRow r, Long personId, String yearGroup, String groupId, String device) {
        return new ActivityRow(r.time(), personId, r.user(), groupId, yearGroup, r.clientIp(), device, r.method(),
                r.host(), r.domain(), r.url(), r.category(), r.activity(), r.action(), r.rule(), r.policyVersion(),
                r.searchTerm(), r.bypass(), r.status(), r.bytes(), r.source());
    }
}
