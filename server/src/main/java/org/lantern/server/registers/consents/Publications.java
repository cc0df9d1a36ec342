package org.lantern.server.registers.consents;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.lantern.server.audit.AuditChain;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.Accounts;
import org.lantern.server.people.Person;
import org.lantern.server.registers.RegisterJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of what the school published (where, when, which pupils appear), so that a
 * withdrawal finds every place a pupil's image has to come down from. A publication naming a pupil
 * who may not appear in its use on its date is refused, without saying why (the reason may be the
 * never-publish flag).
 */
@Service
public class Publications {

    static final String RECORD_TYPE = "publication";
    static final int MAX_TITLE = 200;
    static final int MAX_LOCATION = 2_000;

    private final JdbcClient jdbc;
    private final Consents consents;
    private final WhoMayAppear whoMayAppear;
    private final Accounts accounts;
    private final AuditChain audit;
    private final Takedowns takedowns;

    Publications(JdbcClient jdbc, Consents consents, WhoMayAppear whoMayAppear, Accounts accounts, AuditChain audit,
                 Takedowns takedowns) {
        this.jdbc = jdbc;
        this.takedowns = takedowns;
        this.consents = consents;
        this.whoMayAppear = whoMayAppear;
        this.accounts = accounts;
        this.audit = audit;
    }

    /**
     * A publication as typed or sent, before it is checked.
     *
     * @param use         which use
     * @param title       what it is
     * @param location    where
     * @param publishedOn when
     * @param owner       the username of who looks after it
     * @param pupilIds    who appears
     */
    public record Draft(PhotoUse use, String title, String location, LocalDate publishedOn, String owner,
                        Set<Long> pupilIds) {
    }

    /**
     * Records a publication.
     *
     * @throws ConsentException with every problem, including each pupil who may not appear; nothing is recorded
     */
    @Transactional
    public Publication record(Draft d, String actor) {
        Checked c = check(d, Set.of());
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO publication (use_kind, title, location, published_on, owner, recorded_by, recorded_at) "
                        + "VALUES (:u, :t, :l, :on, :owner, :by, :at)")
                .param("u", d.use().name()).param("t", c.title()).param("l", c.location()).param("on", d.publishedOn())
                .param("owner", c.owner()).param("by", actor)
                .param("at", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)).update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        addPupils(id, c.pupils());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("use", d.use().name());
        detail.put("publishedOn", d.publishedOn().toString());
        detail.put("owner", c.owner());
        detail.put("pupils", List.copyOf(c.pupils()));
        audit.append(actor, "publication.recorded", RECORD_TYPE, Long.toString(id), RegisterJson.of(detail));
        return get(id);
    }

    /**
     * Replaces what is recorded of a publication: its use, title, location, date, owner and pupils,
     * checked as recording checks them. A pupil already in it is checked again only when its use or
     * date changes (a withdrawal since is handled by its takedown task); one added always is. A new
     * owner takes over its open takedown tasks, since the owner is who takes pupils out of it; a
     * pupil no longer named has been taken out, so their open task is done.
     *
     * @throws ConsentNotFoundException for no such publication
     * @throws ConsentException with every problem; nothing changes
     */
    @Transactional
    public Publication update(long id, Draft d, String actor) {
        Publication before = get(id);
        Set<Long> kept = before.use() == d.use() && before.publishedOn().equals(d.publishedOn())
                ? before.pupils().stream().map(Publication.Appearing::personId).collect(Collectors.toSet()) : Set.of();
        Checked c = check(d, kept);
        jdbc.sql("UPDATE publication SET use_kind = :u, title = :t, location = :l, published_on = :on, owner = :owner "
                        + "WHERE id = :id")
                .param("u", d.use().name()).param("t", c.title()).param("l", c.location()).param("on", d.publishedOn())
                .param("owner", c.owner()).param("id", id).update();
        Set<Long> was = before.pupils().stream().map(Publication.Appearing::personId)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<Long> added = new TreeSet<>(c.pupils());
        added.removeAll(was);
        Set<Long> removed = new TreeSet<>(was);
        removed.removeAll(c.pupils());
        addPupils(id, added);
        int takenDown = 0;
        for (long pupil : removed) {
            jdbc.sql("DELETE FROM publication_pupil WHERE publication_id = :pub AND person_id = :p")
                    .param("pub", id).param("p", pupil).update();
            takenDown += takedowns.doneByRemoval(id, pupil, actor);
        }
        int reassigned = before.owner().equals(c.owner()) ? 0 : takedowns.reassignOpen(id, c.owner());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("use", d.use().name());
        detail.put("publishedOn", d.publishedOn().toString());
        detail.put("owner", c.owner());
        detail.put("pupilsAdded", List.copyOf(added));
        detail.put("pupilsRemoved", List.copyOf(removed));
        detail.put("takedownsReassigned", reassigned);
        detail.put("takedownsDone", takenDown);
        audit.append(actor, "publication.changed", RECORD_TYPE, Long.toString(id), RegisterJson.of(detail));
        return get(id);
    }

    /**
     * A publication.
     *
     * @throws ConsentNotFoundException for no such publication
     */
    public Publication get(long id) {
        return list(id).stream().findFirst()
                .orElseThrow(() -> new ConsentNotFoundException("There is no publication " + id + "."));
    }

    /** A draft's text as it is kept, and its pupils, once every check has passed. */
    private record Checked(String title, String location, String owner, Set<Long> pupils) {
    }

    /**
     * Every check of a draft: each pupil not in {@code alreadyChecked} must be allowed to appear in
     * its use on its date.
     *
     * @throws ConsentException with every problem
     */
    private Checked check(Draft d, Set<Long> alreadyChecked) {
        List<String> problems = new ArrayList<>();
        if (d.use() == null) {
            problems.add("Choose where it was published: the use.");
        }
        String title = d.title() == null ? "" : d.title().strip();
        String location = d.location() == null ? "" : d.location().strip();
        String owner = d.owner() == null ? "" : d.owner().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            problems.add("Give a title of at most " + MAX_TITLE + " characters.");
        }
        if (location.isEmpty() || location.length() > MAX_LOCATION) {
            problems.add("Give where it is (an address, a newspaper and date, a corridor), at most " + MAX_LOCATION
                    + " characters.");
        }
        if (d.publishedOn() == null) {
            problems.add("Give the date it was published.");
        } else if (d.publishedOn().isAfter(SchoolTime.today())) {
            problems.add("The date it was published, " + SchoolTime.day(d.publishedOn()) + ", is in the future: record it "
                    + "once it is out.");
        }
        if (owner.isEmpty() || accounts.idOf(owner).isEmpty()) {
            problems.add(owner.isEmpty() ? "Give the username of who looks after it."
                    : "There is no account '" + owner + "' to look after it.");
        }
        Set<Long> ids = d.pupilIds() == null ? Set.of() : new TreeSet<>(d.pupilIds());
        if (ids.isEmpty()) {
            problems.add("Choose the pupils who appear in it.");
        }
        for (long id : ids) {
            if (alreadyChecked.contains(id)) {
                continue;
            }
            Person pupil;
            try {
                pupil = consents.pupil(id);
            } catch (ConsentNotFoundException e) {
                problems.add(e.getMessage());
                continue;
            }
            if (d.use() != null && d.publishedOn() != null
                    && !whoMayAppear.pupil(pupil, d.publishedOn()).mayAppear(d.use())) {
                problems.add(pupil.displayName() + " may not appear in " + d.use().label().toLowerCase() + " on "
                        + SchoolTime.day(d.publishedOn()) + ": take them out of it.");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConsentException(problems, false);
        }
        return new Checked(title, location, owner, ids);
    }

    private void addPupils(long publication, Set<Long> pupils) {
        for (long pupil : pupils) {
            jdbc.sql("INSERT INTO publication_pupil (publication_id, person_id) VALUES (:pub, :p)")
                    .param("pub", publication).param("p", pupil).update();
        }
    }

    /** Every publication, newest first. */
    public List<Publication> list() {
        return list(null);
    }

    /** The publications a pupil appears in, newest first. */
    public List<Publication> of(long personId) {
        return list().stream().filter(p -> p.pupils().stream().anyMatch(a -> a.personId() == personId)).toList();
    }

    private List<Publication> list(Long only) {
        Map<Long, Publication> byId = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM publication WHERE (CAST(:id AS BIGINT) IS NULL OR id = :id) "
                        + "ORDER BY published_on DESC, id DESC")
                .param("id", only)
                .query((rs, n) -> new Publication(rs.getLong("id"), PhotoUse.valueOf(rs.getString("use_kind")),
                        rs.getString("title"), rs.getString("location"), rs.getObject("published_on", LocalDate.class),
                        rs.getString("owner"), new ArrayList<>()))
                .list().forEach(p -> byId.put(p.id(), p));
        jdbc.sql("SELECT pp.publication_id, pp.person_id, COALESCE(NULLIF(pe.preferred_first_name, ''), "
                        + "pe.legal_first_name) AS first_name, pe.legal_last_name FROM publication_pupil pp "
                        + "JOIN person pe ON pe.id = pp.person_id ORDER BY pe.legal_last_name, pe.legal_first_name")
                .query(rs -> {
                    Publication p = byId.get(rs.getLong("publication_id"));
                    if (p != null) {
                        p.pupils().add(new Publication.Appearing(rs.getLong("person_id"),
                                rs.getString("first_name") + " " + rs.getString("legal_last_name")));
                    }
                });
        return List.copyOf(byId.values());
    }
}
