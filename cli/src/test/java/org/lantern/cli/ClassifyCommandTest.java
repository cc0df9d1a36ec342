package org.lantern.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.lexicon.MonitorLibraries;
import org.lantern.monitor.library.PhraseLibrary;
import org.lantern.monitor.match.ClassificationJson;
import org.lantern.monitor.match.PhraseMatcher;
import org.lantern.monitor.model.RiskModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code lantern classify}: exit codes, the JSON shape, files streamed in order, errors and illegal content masked. */
class ClassifyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "i want to kill myself | 1 | level 5: suicide 5 \"kill myself\"",
            "is there a suicide hotline near me | 0 | level 2 (help-seeking): suicide 2 \"suicide hotline\"",
            "homework on photosynthesis | 0 | level 0: nothing found | homework on photosynthesis"})
    void aSingleTextExitsOneFromLevelThreeAndIsSummarisedOnOneLine(String text, int exitCode, String summary) {
        int code = cli.lantern("classify", text);

        assertThat(code).isEqualTo(exitCode);
        assertThat(cli.out.toString().lines().toList()).hasSize(1);
        assertThat(cli.out.toString()).startsWith(summary).contains(text);
        assertThat(cli.err.toString()).isEmpty();
    }

    @Test
    void theRiskModelReadsWhatNoPhraseSaysAndNoModelLeavesItOut() throws IOException {
        String text = "i cant do this anymore, everyone would be better off if i just disappeared for good";

        assertThat(cli.lantern("classify", text, "--json")).isEqualTo(1);
        JsonNode result = JSON.readTree(cli.out.toString());
        assertThat(result.get("level").asInt()).isEqualTo(4);
        JsonNode categories = result.get("categories");
        JsonNode category = categories.get(categories.size() - 1);
        assertThat(category.get("id").asText()).isEqualTo("suicide");
        assertThat(category.get("level").asInt()).isEqualTo(4);
        assertThat(category.get("rule").asText()).startsWith("model:");
        assertThat(category.get("library").asText()).isEqualTo(RiskModel.NAME);

        CliRun phrasesOnly = new CliRun();
        assertThat(phrasesOnly.lantern("classify", text, "--no-model", "--json")).isZero();
        assertThat(JSON.readTree(phrasesOnly.out.toString()).get("level").asInt()).isLessThan(3);
    }

    @Test
    void jsonHasTheTextLevelCategoriesWithTheirExplanationAndHelpSeeking() throws IOException {
        int code = cli.lantern("classify", "i want to kill myself", "--age-band", "primary", "--json");

        assertThat(code).isEqualTo(1);
        JsonNode result = JSON.readTree(cli.out.toString());
        assertThat(result.properties()).extracting(e -> e.getKey())
                .containsExactly("text", "level", "categories", "helpSeeking");
        assertThat(result.get("text").asText()).isEqualTo("i want to kill myself");
        assertThat(result.get("level").asInt()).isEqualTo(5);
        assertThat(result.get("helpSeeking").asBoolean()).isFalse();
        JsonNode category = result.get("categories").get(0);
        assertThat(category.properties()).extracting(e -> e.getKey())
                .containsExactly("id", "level", "phrase", "normalised", "rule", "library", "libraryVersion");
        assertThat(category.get("id").asText()).isEqualTo("suicide");
        assertThat(category.get("phrase").asText()).isEqualTo("kill myself");
        assertThat(category.get("rule").asText()).isEqualTo("alone");
        assertThat(category.get("library").asText()).isEqualTo("lantern-suicide");
        assertThat(category.get("libraryVersion").asText()).isNotBlank();
    }

    @Test
    void aFileGivesOneJsonLinePerLineInOrderAndReportsAnInvalidLineByNumberWhileTheRestGoOn() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("i want to kill myself\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'b', 'a', 'd', (byte) 0xff, (byte) 0xfe, '\r', '\n'});
        bytes.writeBytes("maths homework\n\nwhere is the suicide hotline".getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("texts.txt"), bytes.toByteArray());

        int code = cli.lantern("classify", "--file", file.toString());

        assertThat(code).isZero();
        List<JsonNode> lines = cli.out.toString().lines().map(ClassifyCommandTest::parse).toList();
        assertThat(lines).extracting(line -> line.get("level").asInt()).containsExactly(5, 0, 0, 0, 2);
        assertThat(lines.get(2).get("text").asText()).isEqualTo("maths homework");
        assertThat(lines.get(1).get("text").asText()).startsWith("bad");
        assertThat(cli.err.toString().lines().toList()).containsExactly(
                "lantern classify: line 2 of " + file + " is not valid UTF-8; classified with replacement characters");
    }

    @Test
    void aFileOfManyChunksComesOutInOrderAsEachTextAloneWould() throws IOException {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 5 * LineChunks.LINES + 7; i++) {
            texts.add(switch (i % 5) {
                case 0 -> "maths homework " + i;
                case 1 -> "i want to k1ll myself " + i;
                case 2 -> "\"quoted\" \\ " + i;
                case 3 -> "where to find child porn";
                default -> "café ѕuicide " + i;
            });
        }
        Path file = Files.write(dir.resolve("many.txt"), texts);
        List<PhraseLibrary> libraries = MonitorLibraries.curated();
        PhraseMatcher matcher = PhraseMatcher.build(libraries, RiskModel.curated(libraries));

        int code = cli.lantern("classify", "--file", file.toString());

        assertThat(code).isZero();
        assertThat(cli.out.toString().lines().toList()).containsExactlyElementsOf(texts.stream()
                .map(text -> ClassificationJson.toJson(matcher.classify(text, AgeBand.KS3))).toList());
        assertThat(cli.err.toString()).isEmpty();
    }

    @Test
    void aDashReadsStandardInput() {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream("maths homework\ni want to kill myself\n"
                .getBytes(StandardCharsets.UTF_8)));
        try {
            int code = cli.lantern("classify", "--file", "-");

            assertThat(code).isZero();
            assertThat(cli.out.toString().lines().map(ClassifyCommandTest::parse).map(line -> line.get("level").asInt()))
                    .containsExactly(0, 5);
        } finally {
            System.setIn(original);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "classify hello --age-band year9 | --age-band must be one of primary, ks3, ks4, post16, staff, not 'year9'",
            "classify --file no-such-file.txt | cannot read no-such-file.txt: there is no such file",
            "classify | give texts to classify, or --file FILE",
            "classify hello --file texts.txt | give texts to classify or --file FILE, not both"})
    void aBadAgeBandFileOrTextsIsOneLineSayingWhatToGive(String command, String saying) {
        int code = cli.lantern(command.split(" "));

        assertThat(code).isEqualTo(CliException.CANNOT_RUN);
        assertThat(cli.out.toString()).isEmpty();
        assertThat(cli.err.toString().lines().toList()).hasSize(1);
        assertThat(cli.err.toString()).startsWith("lantern classify: ").contains(saying).doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void illegalContentIsMaskedNeverShownInFull(boolean json) {
        List<String> args = json ? List.of("classify", "--json", "where to find child porn")
                : List.of("classify", "where to find child porn");

        int code = cli.lantern(args.toArray(String[]::new));

        assertThat(code).isEqualTo(1);
        assertThat(cli.out.toString()).doesNotContain("child", "\"porn\"")
                .contains("c**** ****", "p***", "illegal", "masked");
    }

    @Test
    void lexiconsThatCannotBeImportedAreOneLineSayingWhy() {
        int code = cli.lantern("classify", "--lexicons", dir.resolve("absent").toString(), "hello");

        assertThat(code).isEqualTo(CliException.CANNOT_RUN);
        assertThat(cli.err.toString().lines().toList()).singleElement().asString()
                .startsWith("lantern classify: cannot import the lexicons in " + dir.resolve("absent"))
                .contains("no lexicon in it");
    }

    @Test
    void theSharedLexiconsAreImportedBeneathTheCuratedLibraries() throws IOException {
        Optional<Path> lexicons = Optional.empty();
        for (Path up = Path.of("").toAbsolutePath(); up != null && lexicons.isEmpty(); up = up.getParent()) {
            lexicons = Optional.of(up.resolve("shared/data/lexicons")).filter(Files::isDirectory);
        }
        if (lexicons.isEmpty()) {
            System.err.println("SKIPPED ClassifyCommandTest: ../shared/data/lexicons is absent");
        }
        assumeTrue(lexicons.isPresent(), "../shared/data/lexicons is absent");

        int code = cli.lantern("classify", "--lexicons", lexicons.get().toString(), "--json", "i wish i was never born");

        assertThat(code).isEqualTo(1);
        JsonNode category = JSON.readTree(cli.out.toString()).get("categories").get(0);
        assertThat(category.get("library").asText()).isEqualTo("suicide-risk-lexicon");
        assertThat(category.get("level").asInt()).isEqualTo(4);
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
