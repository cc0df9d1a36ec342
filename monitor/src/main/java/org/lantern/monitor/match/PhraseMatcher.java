package org.lantern.monitor.match;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.library.Levels;
import org.lantern.monitor.library.PhraseEntry;
import org.lantern.monitor.library.PhraseGaps;
import org.lantern.monitor.library.PhraseLibrary;
import org.lantern.monitor.model.Reading;
import org.lantern.monitor.model.RiskModel;
import org.lantern.monitor.text.NormalisedText;
import org.lantern.monitor.text.Normaliser;
import org.lantern.monitor.text.Step;

/**
 * Finds the phrases of one or more libraries in a text and says why each counts. Every phrase is
 * normalised like the text and put, with the joined form of a phrase of several words
 * ({@code selfharm}, as in hashtags), into one Aho–Corasick automaton (a double-array trie:
 * one linear pass per text, however many phrases), then the rules are applied to what was found:
 * co-occurring lists, contexts that cancel a phrase, identity terms that never alert alone and
 * help-seeking phrases that contain a risk phrase ("how to help a friend who self-harms").
 * A phrase with gaps ({@code kill ... myself}) puts each part in the automaton and is joined from
 * them in the same pass ({@link PhraseGaps}).
 * Built with a {@link RiskModel}, the matcher also asks it about a pupil's text that its phrases
 * put below act-now, and adds its reading as one more match (library {@value RiskModel#NAME}, rule
 * {@code model:<estimate>}, the phrase being the words it weighed most).
 * The automaton is {@code com.hankcs:aho-corasick-double-array-trie} rather than
 * {@code org.ahocorasick}: it reports each hit through a callback, where the other builds an
 * {@code Emit} object and an interval tree per text.
 *
 * <p>Immutable once built and safe to share between threads. Never throws on text: invalid
 * UTF-8 is decoded with replacement characters, and a text longer than {@link #MAX_CHARS} is read
 * up to that length (the result says so), so one text costs at most one linear pass over
 * {@value #MAX_CHARS} characters.
 */
public final class PhraseMatcher {

    /** Longest text read, in UTF-16 units: a megabyte of text, far beyond any search or message. */
    public static final int MAX_CHARS = 1 << 20;

    private static final Normaliser NORMALISER = new Normaliser();
    /**
     * Words disguised to get past a filter: a pupil who writes {@code su1c1de}, {@code s u i c i d e}
     * or {@code ѕuicide} (Cyrillic s) has hidden the word on purpose, which says more than the
     * word typed plainly. Case, accents and URL encoding are how anyone types, so they do not count.
     */
    private static final Step[] DISGUISES = {Step.INVISIBLE_CHARACTERS, Step.NFKC, Step.CONFUSABLES,
        Step.SEPARATORS, Step.LEETSPEAK, Step.REPEATED_LETTERS};
    /** A disguised phrase is one level higher from this level up: a disguised note stays a note. */
    private static final int DISGUISE_RAISES_FROM = 3;

    /** The level a model reading gives: act now, as the model reads only for that. */
    private static final int MODEL_LEVEL = 4;

    private final AhoCorasickDoubleArrayTrie<KeyTarget[]> automaton;
    private final int lists;
    private final int gapSlots;
    private final RiskModel model;

    private PhraseMatcher(AhoCorasickDoubleArrayTrie<KeyTarget[]> automaton, int lists, int gapSlots, RiskModel model) {
        this.automaton = automaton;
        this.lists = lists;
        this.gapSlots = gapSlots;
        this.model = model;
    }

    /**
     * @param libraries the libraries in force; their phrases' lists are shared between them
     * @return a matcher for all their phrases, without a model
     * @throws IllegalArgumentException if a rule names a list no library has
     */
    public static PhraseMatcher build(List<PhraseLibrary> libraries) {
        return build(libraries, null);
    }

    /**
     * @param libraries the libraries in force; their phrases' lists are shared between them
     * @param model     the model that reads what the phrases put below level 4, or {@code null} for none
     * @return a matcher for all their phrases, and the model
     * @throws IllegalArgumentException if a rule names a list no library has
     */
    public static PhraseMatcher build(List<PhraseLibrary> libraries, RiskModel model) {
        Map<String, Integer> listIds = new HashMap<>();
        for (PhraseLibrary library : libraries) {
            for (PhraseEntry entry : library.entries()) {
                listIds.putIfAbsent(entry.list(), listIds.size());
            }
        }
        List<CompiledPhrase> phrases = new ArrayList<>();
        List<String> normalised = new ArrayList<>();
        for (PhraseLibrary library : libraries) {
            for (PhraseEntry entry : library.entries()) {
                phrases.add(new CompiledPhrase(phrases.size(), entry, library, listIds.get(entry.list()),
                        listIndex(listIds, entry.rule().withList(), entry), listIndex(listIds, entry.rule().notWithList(), entry),
                        listIndex(listIds, entry.rule().raiseWithList(), entry), PhraseGaps.pieces(entry.phrase()).size() > 1));
                normalised.add(NORMALISER.normalise(entry.phrase()).text());
            }
        }
        Map<String, List<KeyTarget>> keys = new LinkedHashMap<>();
        int gapSlots = 0;
        for (CompiledPhrase phrase : phrases) {
            List<PhraseGaps.Piece> pieces = PhraseGaps.pieces(phrase.entry.phrase());
            if (pieces.size() > 1) {
                for (int part = 0; part < pieces.size(); part++) {
                    PhraseGaps.Piece piece = pieces.get(part);
                    String key = NORMALISER.normalise(piece.text()).text();
                    keys.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(KeyTarget.gapPart(phrase, gapSlots, part, pieces.size(), piece.open(), piece.adjacent()));
                }
                gapSlots += pieces.size();
                continue;
            }
            String key = normalised.get(phrase.id);
            List<String> contexts = contexts(phrase, key, phrases, normalised);
            boolean open = pieces.getFirst().open();
            addKey(keys, key, phrase, contexts, open);
            String joined = key.replace(" ", "");
            if (!joined.equals(key)) {
                addKey(keys, joined, phrase, contexts.stream().map(c -> c.replace(" ", "")).toList(), open);
            }
        }
        if (keys.isEmpty()) {
            return new PhraseMatcher(null, listIds.size(), 0, model);
        }
        TreeMap<String, KeyTarget[]> sorted = new TreeMap<>();
        keys.forEach((key, targets) -> sorted.put(key, targets.toArray(KeyTarget[]::new)));
        AhoCorasickDoubleArrayTrie<KeyTarget[]> automaton = new AhoCorasickDoubleArrayTrie<>();
        automaton.build(sorted);
        return new PhraseMatcher(automaton, listIds.size(), gapSlots, model);
    }

    private static int listIndex(Map<String, Integer> listIds, Optional<String> list, PhraseEntry entry) {
        if (list.isEmpty()) {
            return CompiledPhrase.NO_LIST;
        }
        Integer id = listIds.get(list.get());
        if (id == null) {
            throw new IllegalArgumentException("phrase '" + entry.phrase() + "' (line " + entry.line()
                    + ") names list '" + list.get() + "', which no library has");
        }
        return id;
    }

    /** The rule's {@code not-in} contexts, and every help-seeking phrase that contains this one. */
    private static List<String> contexts(CompiledPhrase phrase, String key, List<CompiledPhrase> phrases, List<String> normalised) {
        List<String> contexts = new ArrayList<>();
        for (String context : phrase.entry.rule().notIn()) {
            contexts.add(NORMALISER.normalise(context).text());
        }
        if (!phrase.entry.helpSeeking()) {
            for (CompiledPhrase other : phrases) {
                String help = normalised.get(other.id);
                if (other.entry.helpSeeking() && !help.equals(key) && (" " + help + " ").contains(" " + key + " ")
                        && PhraseGaps.pieces(other.entry.phrase()).size() == 1) {
                    contexts.add(help);
                }
            }
        }
        return contexts;
    }

    private static void addKey(Map<String, List<KeyTarget>> keys, String key, CompiledPhrase phrase, List<String> contexts,
            boolean open) {
        List<char[]> chars = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        for (String context : contexts) {
            // every whole-word place the key sits in the context, so the hit can be any of them
            for (int at = context.indexOf(key); at >= 0; at = context.indexOf(key, at + 1)) {
                boolean whole = (at == 0 || context.charAt(at - 1) == ' ')
                        && (at + key.length() == context.length() || context.charAt(at + key.length()) == ' ');
                if (whole) {
                    chars.add(context.toCharArray());
                    offsets.add(at);
                }
            }
        }
        KeyTarget target = new KeyTarget(phrase, chars.toArray(char[][]::new),
                offsets.stream().mapToInt(Integer::intValue).toArray(), open);
        keys.computeIfAbsent(key, k -> new ArrayList<>()).add(target);
    }

    /**
     * @param utf8 a text as bytes, which need not be valid UTF-8
     * @param band the writer's age band
     * @return the classification
     */
    public Classification classify(byte[] utf8, AgeBand band) {
        // UTF-8 takes at most three bytes per UTF-16 unit, so this prefix decodes to at least
        // MAX_CHARS units: enough, without decoding a huge body whole
        int length = Math.min(utf8.length, MAX_CHARS * 3);
        return classify(new String(utf8, 0, length, StandardCharsets.UTF_8), band, length < utf8.length, true);
    }

    /**
     * @param text any text
     * @param band the writer's age band, for the phrases whose level depends on it
     * @return the level, help-seeking flag and every match with its explanation
     */
    public Classification classify(String text, AgeBand band) {
        return classify(text, band, false, true);
    }

    /**
     * @param text  any text
     * @param band  the writer's age band
     * @param model whether the model may read it: true for what a person wrote (a search, a
     *              message), false for what is not language (the path of an address), where a
     *              model trained on sentences has nothing to read and would only guess
     * @return the level, help-seeking flag and every match with its explanation
     */
    public Classification classify(String text, AgeBand band, boolean model) {
        return classify(text, band, false, model);
    }

    private Classification classify(String text, AgeBand band, boolean cut, boolean readWhole) {
        boolean truncated = cut || text.length() > MAX_CHARS;
        String read = text;
        if (text.length() > MAX_CHARS) {
            int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
            read = text.substring(0, end);
        }
        // Most texts match nothing: find out without keeping spans, and normalise again with
        // them (the same characters) only to explain a match.
        NormalisedText normal = NORMALISER.matchingForm(read);
        char[] chars = normal.chars();
        Scan scan = scan(chars);
        if (scan.count > 0) {
            normal = NORMALISER.normalise(read);
        }
        List<Match> matches = scan.count == 0 ? List.of() : new ArrayList<>();
        int level = 0;
        boolean helpSeeking = false;
        for (int i : order(scan)) {
            CompiledPhrase phrase = scan.found[i];
            PhraseEntry entry = phrase.entry;
            int phraseLevel = entry.levels().level(band);
            if (!entry.alerts() || phraseLevel == 0 || (phrase.gapped && insideHelpSeeking(scan, i))
                    || (phrase.withList != CompiledPhrase.NO_LIST && scan.besides(phrase.withList, i) == 0)
                    || scan.othersIn(phrase.notWithList, phrase) > 0) {
                continue;
            }
            Optional<String> coOccurring = phrase.withList == CompiledPhrase.NO_LIST ? Optional.empty()
                    : Optional.of(scan.firstBesides(phrase.withList, i).entry.phrase());
            int matchLevel = phraseLevel;
            if (phrase.raiseWithList != CompiledPhrase.NO_LIST && scan.besides(phrase.raiseWithList, i) > 0) {
                matchLevel++;
                if (coOccurring.isEmpty()) {
                    coOccurring = Optional.of(scan.firstBesides(phrase.raiseWithList, i).entry.phrase());
                }
            }
            int begin = scan.begins[i];
            int end = scan.ends[i];
            Set<Step> steps = normal.stepsIn(begin, end);
            String original = normal.originalOf(begin, end);
            // A phrase that has digits of its own (bet365) typed as it is written is not disguised,
            // though reading it took the leetspeak step.
            if (phraseLevel >= DISGUISE_RAISES_FROM && disguised(steps) && !original.equalsIgnoreCase(entry.phrase())) {
                matchLevel++;
            }
            matchLevel = Math.min(matchLevel, Levels.MAX);
            matches.add(new Match(entry.category(), entry.phrase(), entry.language(), matchLevel, entry.rule().text(),
                    coOccurring, entry.helpSeeking(), phrase.library.name(), phrase.library.version(), entry.line(),
                    original, new String(chars, begin, end - begin), steps));
            level = Math.max(level, matchLevel);
            helpSeeking |= entry.helpSeeking();
        }
        Optional<Reading> reading = readWhole && modelReads(level, helpSeeking, band)
                ? (level >= DISGUISE_RAISES_FROM ? model.read(chars, RiskModel.BESIDE_AN_ALERT) : model.read(chars))
                : Optional.empty();
        if (reading.isPresent()) {
            if (!normal.hasSpans()) {
                normal = NORMALISER.normalise(read);
            }
            matches = new ArrayList<>(matches);
            matches.add(modelMatch(reading.get(), normal));
            level = MODEL_LEVEL;
        }
        return new Classification(read, normal.text(), normal.steps(), level, helpSeeking, matches, truncated);
    }

    /**
     * The model is asked about what the phrases put below act-now, for pupils: a staff member's
     * search is research, and a help-seeking phrase with nothing of risk beside it is a pupil
     * asking for help, which the phrases already labelled.
     */
    private boolean modelReads(int level, boolean helpSeeking, AgeBand band) {
        return model != null && level < MODEL_LEVEL && band != AgeBand.STAFF && !(helpSeeking && level < DISGUISE_RAISES_FROM);
    }

    private Match modelMatch(Reading reading, NormalisedText normal) {
        int begin = reading.begin();
        int end = reading.end();
        // the parts as they were written, as a phrase's match shows what was written
        String phrase = reading.spans().stream().map(s -> normal.originalOf(s.begin(), s.end()))
                .collect(Collectors.joining(" + "));
        return new Match(reading.category(), phrase, "und", MODEL_LEVEL,
                String.format(Locale.ROOT, "model:%.2f", reading.probability()), Optional.empty(), false,
                RiskModel.NAME, model.version(), 0, normal.originalOf(begin, end),
                reading.explanation(), normal.stepsIn(begin, end));
    }

    /**
     * A phrase with gaps has no contexts in the automaton: a help-seeking phrase found around it
     * ("she wants to die" around {@code want ... to die}) cancels it here instead.
     */
    private static boolean insideHelpSeeking(Scan scan, int i) {
        for (int j = 0; j < scan.count; j++) {
            if (j != i && scan.found[j].entry.helpSeeking() && scan.begins[j] <= scan.begins[i] && scan.ends[j] >= scan.ends[i]) {
                return true;
            }
        }
        return false;
    }

    private static boolean disguised(Set<Step> steps) {
        // contains() on each, not an iterator over the set: no allocation per match
        for (Step disguise : DISGUISES) {
            if (steps.contains(disguise)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@link #classify(String, AgeBand)} would find nothing in a text, without building
     * the classification: for a caller of many texts that writes the one answer for "nothing
     * found" itself ({@code lantern classify --file}, where most texts match nothing and building
     * each one's classification and explanation was half the time in bench/monitor-vs-grep.sh).
     *
     * @param text any text
     * @return true when nothing would be found, so the classification would be level 0 with no
     *         matches, not help-seeking, and of the text as given; false when something may be
     *         found (a phrase, or the model's reading for a pupil), or the text is longer than
     *         {@link #MAX_CHARS} (classify reads only its start)
     */
    public boolean findsNothing(String text) {
        if (text.length() > MAX_CHARS) {
            return false;
        }
        char[] chars = NORMALISER.matchingForm(text).chars();
        return scan(chars).count == 0 && (model == null || model.read(chars).isEmpty());
    }

    private Scan scan(char[] chars) {
        Scan scan = new Scan(chars, lists, gapSlots);
        if (automaton != null && chars.length > 0) {
            automaton.parseText(chars, scan);
        }
        return scan;
    }

    /** @return the indexes of the scan's phrases in text order: by start, the longer (more specific) first */
    private static int[] order(Scan scan) {
        int[] order = new int[scan.count];
        // insertion sort: a text finds a handful of phrases, already nearly in order (by end)
        for (int i = 0; i < order.length; i++) {
            int k = i;
            while (k > 0 && before(scan, i, order[k - 1])) {
                order[k] = order[k - 1];
                k--;
            }
            order[k] = i;
        }
        return order;
    }

    private static boolean before(Scan scan, int a, int b) {
        return scan.begins[a] != scan.begins[b] ? scan.begins[a] < scan.begins[b] : scan.ends[a] > scan.ends[b];
    }
}
