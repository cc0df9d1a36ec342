package org.lantern.server.alerts;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.lantern.server.audit.AuditChain;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The DSL's ordered on-call list for level-5 alerts outside school hours: each person has an email
 * address and may have a webhook (an SMS gateway or a Teams channel) that takes a JSON POST. What
 * is typed is checked before anything is saved: an address that is not one, or a webhook that is
 * not an absolute {@code http} or {@code https} URL with a host, is refused with the reason. Every
 * change is an entry of the audit chain.
 */
@Service
public class OnCallList {

    /** The audit record type of the list. */
    static final String RECORD = "on-call";

    private final JdbcClient jdbc;
    private final AuditChain audit;

    OnCallList(JdbcClient jdbc, AuditChain audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * One person on call.
     *
     * @param id         their entry's number
     * @param position   their place in the order, from 0
     * @param name       their name
     * @param email      their email address
     * @param webhookUrl their webhook, or {@code null}
     */
    public record OnCallPerson(long id, int position, String name, String email, String webhookUrl) {
    }

    /** The list in the order people are told. */
    public List<OnCallPerson> people() {
        List<OnCallPerson> rows = jdbc.sql("SELECT id, name, email, webhook_url FROM on_call_person ORDER BY position, id")
                .query((rs, n) -> new OnCallPerson(rs.getLong("id"), n, rs.getString("name"), rs.getString("email"),
                        rs.getString("webhook_url")))
                .list();
        return List.copyOf(rows);
    }

    /**
     * Adds a person at the end of the list.
     *
     * @throws AlertRejectedException saying what to correct, when anything typed is not usable
     */
    @Transactional
    public OnCallPerson add(String name, String email, String webhookUrl, String actor) {
        List<String> problems = new ArrayList<>();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 200) {
            problems.add("Name: give the person's name (up to 200 characters).");
        }
        String address = email(email, problems);
        String webhook = webhook(webhookUrl, problems);
        if (!problems.isEmpty()) {
            throw new AlertRejectedException(String.join(" ", problems));
        }
        KeyHolder keys = new GeneratedKeyHolder();
        int position = jdbc.sql("SELECT COALESCE(MAX(position) + 1, 0) FROM on_call_person").query(Integer.class).single();
        jdbc.sql("INSERT INTO on_call_person (position, name, email, webhook_url) VALUES (:p, :n, :e, :w)")
                .param("p", position).param("n", n).param("e", address).param("w", webhook).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("position", position);
        detail.put("webhook", webhook != null);
        audit.append(actor, "on-call.added", RECORD, Long.toString(id), AlertRegister.json(detail));
        return people().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    /** Takes a person off the list; the others keep their order. */
    @Transactional
    public void remove(long id, String actor) {
        if (jdbc.sql("DELETE FROM on_call_person WHERE id = :id").param("id", id).update() == 0) {
            throw new AlertRejectedException("That person is no longer on the list.");
        }
        audit.append(actor, "on-call.removed", RECORD, Long.toString(id), "{}");
    }

    /** Swaps a person with the one before them ({@code up}) or after them. */
    @Transactional
    public void move(long id, boolean up, String actor) {
        List<OnCallPerson> list = new ArrayList<>(people());
        int at = -1;
        for (int i = 0; i < list.size(); i++) {
            at = list.get(i).id() == id ? i : at;
        }
        if (at < 0) {
            throw new AlertRejectedException("That person is no longer on the list.");
        }
        int other = up ? at - 1 : at + 1;
        if (other < 0 || other >= list.size()) {
            return;
        }
        list.add(other, list.remove(at));
        for (int i = 0; i < list.size(); i++) {
            jdbc.sql("UPDATE on_call_person SET position = :p WHERE id = :id").param("p", i)
                    .param("id", list.get(i).id()).update();
        }
        audit.append(actor, "on-call.moved", RECORD, Long.toString(id),
                AlertRegister.json(Map.of("position", other)));
    }

    private static String email(String typed, List<String> problems) {
        String e = typed == null ? "" : typed.strip();
        try {
            InternetAddress address = new InternetAddress(e, true);
            if (e.length() <= 320 && address.getAddress().equals(e) && e.contains("@")) {
                return e;
            }
        } catch (AddressException ignored) {
            // said below, as for any other unusable address
        }
        problems.add("Email: give one email address, e.g. dsl@school.example.");
        return null;
    }

    /**
     * The webhook as typed, if it is an absolute {@code http(s)} URL with a host and no spaces;
     * {@code null} when left empty.
     */
    static String webhook(String typed, List<String> problems) {
        String w = typed == null ? "" : typed.strip();
        if (w.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(w);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (w.length() <= 2000 && (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                    && uri.getUserInfo() == null && uri.getFragment() == null) {
                return w;
            }
        } catch (URISyntaxException ignored) {
            // said below, as for any other unusable URL
        }
        problems.add("Webhook: give the full https:// address your SMS gateway or Teams channel gave you "
                + "(up to 2000 characters, no spaces), or leave it empty.");
        return null;
    }
}
