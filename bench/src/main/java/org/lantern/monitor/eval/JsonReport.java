package org.lantern.monitor.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.lantern.monitor.model.LabelledText.Kind;
import org.lantern.monitor.library.Category;
import org.lantern.monitor.library.PhraseLibrary;
import org.lantern.monitor.match.Match;
import org.lantern.monitor.model.LabelledSet;
import org.lantern.monitor.model.LabelledText;
import org.lantern.monitor.model.RiskModel;

/**
 * The evaluation as one JSON document, for scripts and for comparing runs:
 * {@code {"ageBand", "alertLevel", "libraries": [{name, version, entries}], "model": {name, version,
 * texts, features, threshold, besideAnAlert} or null, "sets": [{name, texts, composition, scores,
 * thresholds: [{threshold, actNowRecall, benignAlerted}], misses, falseAlarms}]}}. A share is {@code {value, count, of}}, its value
 * {@code null} when there was nothing to share; illegal content is masked as in the text report.
 */
final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> document = new LinkedHashMap<>();
    private final List<Object> sets = new ArrayList<>();

    JsonReport(List<PhraseLibrary> libraries, RiskModel model) {
        document.put("ageBand", Evaluation.BAND.id());
        document.put("alertLevel", Evaluation.ALERT);
        document.put("libraries", libraries.stream().map(l -> object(
                "name", l.name(), "version", l.version(), "entries", l.entries().size())).toList());
        document.put("model", model == null ? null : object("name", RiskModel.NAME, "version", model.version(),
                "texts", model.texts(), "features", model.features(), "threshold", model.threshold(),
                "besideAnAlert", RiskModel.BESIDE_AN_ALERT));
        document.put("sets", sets);
    }

    void set(LabelledSet set, List<Outcome> outcomes, Scores scores, List<ThresholdScores> thresholds) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", set.name());
        json.put("texts", set.cases().size());
        json.put("composition", object(
                "kinds", Shown.counts(set.cases(), c -> List.of(c.kind().id())),
                "languages", Shown.counts(set.cases(), c -> List.of(c.language())),
                "categories", Shown.counts(set.cases(), c -> c.expectedCategories().stream().map(Category::id).toList()),
                "levels", Shown.counts(set.cases(), c -> List.of(String.valueOf(c.expectedLevel())))));
        json.put("scores", scores(scores));
        json.put("thresholds", thresholds.stream().map(t -> object("threshold", t.threshold(),
                "actNowRecall", ratio(t.actNow()), "benignAlerted", ratio(t.benignAlerts()))).toList());
        json.put("misses", problems(outcomes, Outcome.Problem::miss));
        json.put("falseAlarms", problems(outcomes, p -> !p.miss()));
        sets.add(json);
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report could not be written as JSON", e);
        }
    }

    private static Map<String, Object> scores(Scores s) {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> categories = new LinkedHashMap<>();
        s.categories().forEach((category, c) -> categories.put(category.id(), object(
                "truePositives", c.truePositives(), "falsePositives", c.falsePositives(),
                "falseNegatives", c.falseNegatives(), "precision", ratio(c.precision()), "recall", ratio(c.recall()))));
        json.put("categories", categories);
        json.put("actNowRecall", ratio(s.actNow()));
        json.put("actNowAlerted", ratio(s.actNowAlerted()));
        json.put("riskRecall", ratio(s.riskAlerted()));
        json.put("benignAlerted", ratio(s.benignAlerts()));
        json.put("identityAlerted", ratio(s.identityAlerts()));
        json.put("identityMatched", ratio(s.identityMatched()));
        json.put("helpSeekingLabelled", ratio(s.helpSeekingFound()));
        json.put("helpSeekingWronglyLabelled", ratio(s.helpSeekingWrong()));
        json.put("helpSeekingAgreement", ratio(s.helpSeekingAgreed()));
        Map<String, Object> languages = new LinkedHashMap<>();
        s.languages().forEach((language, alerted) -> languages.put(language, object(
                "riskRecall", ratio(alerted), "actNowRecall", ratio(s.languagesActNow().get(language)))));
        json.put("languages", languages);
        Map<String, Object> kinds = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            kinds.put(kind.id(), ratio(s.kinds().get(kind)));
        }
        json.put("kindsAlerted", kinds);
        return json;
    }

    private static Map<String, Object> ratio(Ratio ratio) {
        return object("value", ratio.of() == 0 ? null : ratio.value(), "count", ratio.count(), "of", ratio.of());
    }

    /** @return an object of the keys and values, in the order given (a value may be null) */
    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            json.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return json;
    }

    private static List<Object> problems(List<Outcome> outcomes, Predicate<Outcome.Problem> which) {
        List<Object> listed = new ArrayList<>();
        for (Outcome o : outcomes) {
            List<String> problems = o.problems().stream().filter(which).map(Outcome.Problem::label).toList();
            if (problems.isEmpty()) {
                continue;
            }
            LabelledText c = o.expected();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("line", c.line());
            json.put("text", Shown.text(o));
            json.put("language", c.language());
            json.put("kind", c.kind().id());
            json.put("expectedLevel", c.expectedLevel());
            json.put("expectedCategories", c.expectedCategories().stream().map(Category::id).sorted().toList());
            json.put("expectedHelpSeeking", c.helpSeeking());
            json.put("level", o.level());
            json.put("categories", o.categories().stream().map(Category::id).sorted().toList());
            json.put("helpSeeking", o.helpSeeking());
            json.put("problems", problems);
            json.put("normalised", Shown.normalised(o));
            json.put("matches", o.matches().stream().map(JsonReport::match).toList());
            json.put("note", c.note());
            listed.add(json);
        }
        return listed;
    }

    private static Map<String, Object> match(Match m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("category", m.category().id());
        json.put("level", m.level());
        json.put("phrase", Shown.phrase(m));
        json.put("rule", m.rule());
        json.put("helpSeeking", m.helpSeeking());
        json.put("library", m.library());
        json.put("libraryVersion", m.libraryVersion());
        json.put("libraryLine", m.libraryLine());
        json.put("original", Shown.original(m));
        json.put("normalised", Shown.matchNormalised(m));
        json.put("steps", m.steps().stream().map(Enum::name).toList());
        return json;
    }
}
