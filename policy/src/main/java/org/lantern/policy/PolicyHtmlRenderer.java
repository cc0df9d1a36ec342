package org.lantern.policy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a policy as the tables a school publishes (User Actions with X ticks, Communications,
 * Mobile Technologies, pupil and staff Actions / Sanctions), the safeguarding list with the steps
 * taken for each kind of concern, and its groups, categories and time windows. The output is an HTML fragment: semantic tables with captions and scoped headers, every
 * piece of text escaped, so it can be embedded in a page as trusted markup.
 */
public final class PolicyHtmlRenderer {

    private static final String TICK = "<td class=\"tick\">X</td>";
    private static final String BLANK = "<td></td>";

    private PolicyHtmlRenderer() {
    }

    /** The policy as an HTML fragment. */
    public static String render(PolicyDocument policy) {
        StringBuilder h = new StringBuilder(32_000);
        School school = policy.school();
        h.append("<section class=\"policy\">\n<h2>").append(esc(school.name())).append(": ")
                .append(esc(school.title())).append("</h2>\n");
        if (school.approved() != null) {
            h.append("<p>Approved ").append(school.approved());
            if (school.nextReview() != null) {
                h.append("; next review ").append(school.nextReview());
            }
            h.append(".</p>\n");
        }
        userActions(h, policy);
        if (policy.communications() != null) {
            communications(h, policy.communications());
        }
        if (policy.mobileTechnologies() != null) {
            mobile(h, policy.mobileTechnologies());
        }
        if (policy.sanctions() != null) {
            sanctions(h, "Pupils", policy.sanctions().pupil());
            sanctions(h, "Staff", policy.sanctions().staff());
        }
        safeguarding(h, policy.concerns());
        monitoring(h, policy.monitoringInForce(), policy);
        groups(h, policy);
        categories(h, policy);
        windows(h, policy);
        if (!policy.assumptions().isEmpty()) {
            h.append("<h3>Assumptions</h3>\n<ul>\n");
            policy.assumptions().forEach(a -> h.append("<li>").append(esc(a)).append("</li>\n"));
            h.append("</ul>\n");
        }
        return h.append("</section>\n").toString();
    }

    private static void userActions(StringBuilder h, PolicyDocument policy) {
        open(h, "User Actions");
        h.append("<tr><th scope=\"col\">User action</th>");
        for (Level level : Level.values()) {
            h.append("<th scope=\"col\">").append(esc(level.heading())).append("</th>");
        }
        h.append("</tr>\n</thead>\n<tbody>\n");
        for (Activity a : policy.activities()) {
            h.append("<tr><th scope=\"row\">").append(esc(a.text()));
            conditions(h, policy, a);
            h.append("</th>");
            for (Level level : Level.values()) {
                h.append(a.levels().contains(level) ? TICK : BLANK);
            }
            h.append("</tr>\n");
        }
        close(h);
    }

    private static void conditions(StringBuilder h, PolicyDocument policy, Activity a) {
        if (!a.windows().isEmpty()) {
            h.append("<br><small>Certain times: ").append(esc(names(a.windows(), id ->
                    policy.window(id).map(TimeWindow::name).orElse(id)))).append("</small>");
        }
        if (!a.nominated().isEmpty()) {
            h.append("<br><small>Nominated users: ").append(esc(names(a.nominated(), id ->
                    policy.group(id).map(Group::name).orElse(id)))).append("</small>");
        }
        for (Activity.GroupOverride o : a.overrides()) {
            h.append("<br><small>For ").append(esc(names(o.groups(), id -> policy.group(id).map(Group::name).orElse(id))))
                    .append(": ").append(esc(o.levels().stream().map(Level::heading).collect(Collectors.joining(", "))))
                    .append(" (").append(esc(o.reason())).append(")</small>");
        }
    }

    private static void communications(StringBuilder h, Communications c) {
        open(h, "Communication Technologies");
        h.append("<tr><td></td><th scope=\"colgroup\" colspan=\"").append(c.staffColumns().size())
                .append("\">Staff &amp; other adults</th><th scope=\"colgroup\" colspan=\"")
                .append(c.pupilColumns().size()).append("\">Pupils</th></tr>\n");
        h.append("<tr><th scope=\"col\">Communication technology</th>");
        c.staffColumns().forEach(col -> h.append("<th scope=\"col\">").append(esc(col.text())).append("</th>"));
        c.pupilColumns().forEach(col -> h.append("<th scope=\"col\">").append(esc(col.text())).append("</th>"));
        h.append("</tr>\n</thead>\n<tbody>\n");
        for (Communications.Row row : c.rows()) {
            h.append("<tr><th scope=\"row\">").append(esc(row.text())).append("</th>");
            c.staffColumns().forEach(col -> h.append(row.staff().contains(col.id()) ? TICK : BLANK));
            c.pupilColumns().forEach(col -> h.append(row.pupils().contains(col.id()) ? TICK : BLANK));
            h.append("</tr>\n");
        }
        close(h);
        c.notes().forEach(n -> h.append("<p class=\"note\">").append(esc(n)).append("</p>\n"));
    }

    private static void mobile(StringBuilder h, MobileTechnologies m) {
        open(h, "Mobile Technologies (including BYOD)");
        h.append("<tr><td></td>");
        for (MobileTechnologies.Device d : m.devices()) {
            h.append("<th scope=\"col\">").append(esc(d.text())).append(marker(m, d.note()))
                    .append("<br><small>").append(d.owner() == MobileTechnologies.Ownership.SCHOOL
                            ? "School device" : "Personal device").append("</small></th>");
        }
        h.append("</tr>\n</thead>\n<tbody>\n");
        for (MobileTechnologies.Row row : m.rows()) {
            h.append("<tr><th scope=\"row\">").append(esc(row.text())).append("</th>");
            for (MobileTechnologies.Device d : m.devices()) {
                String answer = row.answer(d.id()).map(yes -> yes ? "Yes" : "No").orElse("");
                h.append("<td>").append(answer).append(marker(m, row.notes().get(d.id()))).append("</td>");
            }
            h.append("</tr>\n");
        }
        close(h);
        m.notes().forEach(n -> h.append("<p class=\"note\">").append(esc(n.marker())).append(' ')
                .append(esc(n.text())).append("</p>\n"));
    }

    private static String marker(MobileTechnologies m, String noteId) {
        if (noteId == null) {
            return "";
        }
        return m.notes().stream().filter(n -> n.id().equals(noteId)).findFirst()
                .map(n -> " <sup>" + esc(n.marker()) + "</sup>").orElse("");
    }

    private static void sanctions(StringBuilder h, String who, Sanctions.Table table) {
        if (table == null) {
            return;
        }
        for (int p = 0; p < table.parts().size(); p++) {
            Sanctions.Part part = table.parts().get(p);
            String caption = who + " incidents: Actions / Sanctions"
                    + (table.parts().size() > 1 ? " (part " + (p + 1) + " of " + table.parts().size() + ")" : "");
            open(h, caption);
            h.append("<tr><th scope=\"col\">").append(esc(who)).append(" incident</th>");
            for (String id : part.columns()) {
                String text = table.columns().stream().filter(c -> c.id().equals(id)).findFirst()
                        .map(Column::text).orElse(id);
                h.append("<th scope=\"col\">").append(esc(text)).append("</th>");
            }
            h.append("</tr>\n</thead>\n<tbody>\n");
            for (Sanctions.Incident incident : part.incidents()) {
                h.append("<tr><th scope=\"row\">").append(esc(incident.text())).append("</th>");
                part.columns().forEach(id -> h.append(incident.actions().contains(id) ? TICK : BLANK));
                h.append("</tr>\n");
            }
            close(h);
        }
    }

    /**
     * The concerns about a child and their steps, apart from the sanctions tables: the published
     * policy says what happens for a child at risk as plainly as what happens for misuse.
     */
    private static void safeguarding(StringBuilder h, Safeguarding list) {
        open(h, "Concerns about a child: the steps we take");
        // Two columns, the kind and guidance inside them, so the steps keep a readable width on a phone.
        h.append("<tr><th scope=\"col\">Concern</th><th scope=\"col\">Steps</th></tr>\n</thead>\n<tbody>\n");
        for (Safeguarding.Concern c : list.concerns()) {
            h.append("<tr><th scope=\"row\">").append(esc(c.text())).append("<br><span class=\"hint\">")
                    .append(esc(c.group())).append("</span></th><td><ol>");
            if (c.illegalMaterial()) {
                h.append("<li>Illegal material: do not view, copy or forward it; the record follows the police path</li>");
            }
            c.steps().forEach(step -> h.append("<li>").append(esc(step.text()))
                    .append(step.perChild() ? " (for each child)" : "").append("</li>"));
            h.append("</ol><span class=\"hint\">Following ").append(esc(c.guidance())).append("</span></td></tr>\n");
        }
        close(h);
    }

    /** The monitoring settings, so whoever reads the policy sees whether typed text is read. */
    private static void monitoring(StringBuilder h, Monitoring m, PolicyDocument policy) {
        open(h, "Safeguarding monitoring");
        h.append("<tr><th scope=\"col\">Setting</th><th scope=\"col\">Value</th></tr>\n</thead>\n<tbody>\n");
        TlsInspection tls = policy.tlsInspectionInForce();
        h.append("<tr><th scope=\"row\">Secure (HTTPS) connections are inspected</th><td>")
                .append(!tls.enabled() ? "No: only the names of secure sites are seen"
                        : tls.exemptCategories().isEmpty() ? "Yes"
                        : "Yes, except " + esc(String.join(", ", tls.exemptCategories().stream()
                                .map(id -> policy.category(id).map(Category::name).orElse(id)).toList())))
                .append("</td></tr>\n");
        h.append("<tr><th scope=\"row\">What pupils type into web pages is read</th><td>")
                .append(m.typedText() ? "Yes, up to " + m.typedTextMaxBytes() + " bytes of each" : "No")
                .append("</td></tr>\n");
        h.append("<tr><th scope=\"row\">Designated Safeguarding Lead</th><td>")
                .append(m.dslName() == null ? "Not named" : esc(m.dslName())).append("</td></tr>\n");
        h.append("<tr><th scope=\"row\">Who to ask about monitoring</th><td>")
                .append(m.contact() == null ? "Not given" : esc(m.contact())).append("</td></tr>\n");
        close(h);
    }

    private static void groups(StringBuilder h, PolicyDocument policy) {
        open(h, "User groups");
        h.append("<tr><th scope=\"col\">Group</th><th scope=\"col\">Kind</th><th scope=\"col\">Key stages</th>"
                + "<th scope=\"col\">Year groups</th></tr>\n</thead>\n<tbody>\n");
        for (Group g : policy.groups()) {
            h.append("<tr><th scope=\"row\">").append(esc(g.name())).append("</th><td>").append(g.kind().id())
                    .append("</td><td>").append(esc(String.join(", ", g.keyStages()))).append("</td><td>")
                    .append(esc(String.join(", ", g.yearGroups()))).append("</td></tr>\n");
        }
        close(h);
    }

    private static void categories(StringBuilder h, PolicyDocument policy) {
        open(h, "Content categories");
        h.append("<tr><th scope=\"col\">Category</th><th scope=\"col\">Description</th>"
                + "<th scope=\"col\">Lists</th><th scope=\"col\">Illegal</th></tr>\n</thead>\n<tbody>\n");
        for (Category c : policy.categories()) {
            h.append("<tr><th scope=\"row\">").append(esc(c.name())).append("</th><td>").append(esc(c.description()))
                    .append("</td><td>").append(esc(String.join(", ", c.lists()))).append("</td><td>")
                    .append(c.illegal() ? "Yes" : "").append("</td></tr>\n");
        }
        close(h);
    }

    private static void windows(StringBuilder h, PolicyDocument policy) {
        open(h, "Time windows (" + policy.school().timeZone() + ")");
        h.append("<tr><th scope=\"col\">Window</th><th scope=\"col\">Times</th></tr>\n</thead>\n<tbody>\n");
        for (TimeWindow w : policy.windows()) {
            String slots = w.slots().stream().map(s -> s.days().stream().map(Weekday::id)
                    .collect(Collectors.joining(", ")) + " " + s.from() + "–" + s.to()).collect(Collectors.joining("; "));
            h.append("<tr><th scope=\"row\">").append(esc(w.name())).append("</th><td>").append(esc(slots))
                    .append("</td></tr>\n");
        }
        close(h);
    }

    private static void open(StringBuilder h, String caption) {
        h.append("<div class=\"table-wrap\">\n<table>\n<caption>").append(esc(caption)).append("</caption>\n<thead>\n");
    }

    private static void close(StringBuilder h) {
        h.append("</tbody>\n</table>\n</div>\n");
    }

    private static String names(List<String> ids, java.util.function.Function<String, String> name) {
        return ids.stream().map(name).collect(Collectors.joining(", "));
    }

    /** Escapes text for HTML element content and attribute values. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
