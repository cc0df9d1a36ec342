package org.lantern.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON, HTML and diff forms of a policy. */
class PolicyOutputTest {

    private static final PolicyDocument ASTLEY = PolicyParser.parse(Presets.yaml("astley-park"));

    @Test
    void jsonStartsWithTheSchoolAndKeepsFieldOrder() {
        String json = PolicyJson.toJson(ASTLEY);
        assertThat(json).startsWith("{\"school\":{\"name\":\"Astley Park School\"");
        assertThat(json.indexOf("\"groups\"")).isLessThan(json.indexOf("\"activities\""));
        assertThat(json).contains("\"levels\":[\"acceptable-at-certain-times\",\"acceptable-for-nominated-users\",\"unacceptable\"]");
    }

    @Test
    void jsonIsStableAcrossParses() {
        assertThat(PolicyJson.toJson(PolicyParser.parse(Presets.yaml("astley-park")))).isEqualTo(PolicyJson.toJson(ASTLEY));
    }

    @Test
    void htmlHasCaptionedTablesWithScopedHeadersForEachPublishedTable() {
        String html = PolicyHtmlRenderer.render(ASTLEY);
        assertThat(html).contains("<caption>User Actions</caption>", "<caption>Communication Technologies</caption>",
                "<caption>Mobile Technologies (including BYOD)</caption>",
                "<caption>Pupils incidents: Actions / Sanctions (part 2 of 2)</caption>",
                "<caption>Staff incidents: Actions / Sanctions (part 1 of 2)</caption>",
                "<th scope=\"col\">Acceptable at certain times</th>", "<th scope=\"row\">Online gambling</th>");
    }

    @Test
    void htmlPublishesTheSafeguardingListWithEachConcernsStepsApartFromTheSanctions() {
        String html = PolicyHtmlRenderer.render(ASTLEY);
        String table = html.substring(html.indexOf("<caption>Concerns about a child: the steps we take</caption>"));
        table = table.substring(0, table.indexOf("</table>"));
        Safeguarding.Concern grooming = ASTLEY.concerns().concern("grooming").orElseThrow();
        String row = table.substring(table.indexOf("<th scope=\"row\">" + grooming.text() + "<br>"));
        row = row.substring(0, row.indexOf("</tr>"));

        assertThat(table).contains("<th scope=\"col\">Steps</th>");
        assertThat(row).contains(grooming.group(), "Following " + PolicyHtmlRenderer.esc(grooming.guidance()));
        assertThat(row).contains(grooming.steps().stream().map(s -> PolicyHtmlRenderer.esc(s.text())).toList()
                .toArray(String[]::new)).doesNotContain("Removal of network");
        assertThat(table.split("<th scope=\"row\">", -1)).hasSize(ASTLEY.concerns().concerns().size() + 1);
    }

    @Test
    void htmlMarksEveryTickWithAnX() {
        String html = PolicyHtmlRenderer.render(ASTLEY);
        String row = html.substring(html.indexOf("<th scope=\"row\">Use of video broadcasting"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row.split("<td class=\"tick\">X</td>", -1)).hasSize(4);
    }

    @Test
    void htmlEscapesAllText() {
        String yaml = Presets.yaml("astley-park").replace("name: Astley Park School", "name: \"<script>alert('x')</script> & Co\"");
        String html = PolicyHtmlRenderer.render(PolicyParser.parse(yaml));
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co");
    }

    @Test
    void diffMarksRemovedAndAddedLinesAndKeepsTheRest() {
        List<PolicyDiff.DiffLine> diff = PolicyDiff.diff("a\nb\nc\n", "a\nB\nc\nd\n");
        assertThat(diff).containsExactly(
                new PolicyDiff.DiffLine(PolicyDiff.Kind.SAME, 1, 1, "a"),
                new PolicyDiff.DiffLine(PolicyDiff.Kind.REMOVED, 2, 0, "b"),
                new PolicyDiff.DiffLine(PolicyDiff.Kind.ADDED, 0, 2, "B"),
                new PolicyDiff.DiffLine(PolicyDiff.Kind.SAME, 3, 3, "c"),
                new PolicyDiff.DiffLine(PolicyDiff.Kind.ADDED, 0, 4, "d"));
    }

    @Test
    void diffOfIdenticalTextsHasNoChanges() {
        String yaml = Presets.yaml("prince-henrys");
        assertThat(PolicyDiff.diff(yaml, yaml)).allMatch(l -> l.kind() == PolicyDiff.Kind.SAME);
    }

    @Test
    void aSmallChangeToTheWholePolicyShowsOnlyItsLinesWithContext() {
        String before = Presets.yaml("astley-park");
        List<String> lines = new java.util.ArrayList<>(before.lines().toList());
        lines.set(200, lines.get(200) + " # changed");
        lines.set(202, lines.get(202) + " # changed");
        lines.set(204, lines.get(204) + " # changed");
        String after = String.join("\n", lines) + "\n";

        List<PolicyDiff.DiffLine> diff = PolicyDiff.changes(before, after, PolicyDiff.CONTEXT);

        assertThat(diff.stream().filter(l -> l.kind() == PolicyDiff.Kind.ADDED).map(PolicyDiff.DiffLine::newLine))
                .containsExactly(201, 203, 205);
        assertThat(diff.stream().filter(l -> l.kind() == PolicyDiff.Kind.SAME).map(PolicyDiff.DiffLine::oldLine))
                .containsExactly(198, 199, 200, 202, 204, 206, 207, 208);
        assertThat(diff.getFirst()).isEqualTo(new PolicyDiff.DiffLine(PolicyDiff.Kind.SKIPPED, 0, 0, "197 unchanged lines"));
        assertThat(diff.getLast().kind()).isEqualTo(PolicyDiff.Kind.SKIPPED);
        assertThat(diff).hasSize(16);
    }
}
