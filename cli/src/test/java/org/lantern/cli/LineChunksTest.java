package org.lantern.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Lines read in blocks: where they end, what is dropped, and chunks that keep the count. */
class LineChunksTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "'a\\nb\\n' | a,b",
            "'a\\nb' | a,b",
            "'a\\r\\nb\\r\\n' | a,b",
            "'a\\r\\r\\n' | 'a\\r'",
            "'\\n\\na\\n' | ',,a'",
            "'\\r\\n' | ''",
            "'' | ",
            "'abcdef\\nxy\\n' | abcd,xy",
            "'abc\\r\\n' | abc",
            "'abcd\\r\\n' | abcd",
            // the kept bytes end in a carriage return: dropped as at a line's end
            "'abc\\rzz\\n' | abc"})
    void linesEndAtNewlineDropACarriageReturnAndKeepTheirFirstBytes(String input, String lines) throws IOException {
        List<String> expected = lines == null ? List.of()
                : List.of(lines.replace("\\r", "\r").split(",", -1));

        assertThat(read(input.replace("\\n", "\n").replace("\\r", "\r"), 4)).containsExactlyElementsOf(expected);
    }

    @Test
    void aLineAcrossReadBlocksIsWholeAndManyLinesMakeNumberedChunks() throws IOException {
        String longLine = "x".repeat(200_000);
        StringBuilder input = new StringBuilder(longLine).append('\n');
        for (int i = 0; i < 3 * LineChunks.LINES; i++) {
            input.append(i).append('\n');
        }
        LineChunks chunks = new LineChunks(stream(input.toString()), 1 << 20);
        List<Long> firstLines = new ArrayList<>();
        List<String> lines = new ArrayList<>();

        for (LineChunks.Chunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
            firstLines.add(chunk.firstLine);
            lines.addAll(lines(chunk));
        }

        assertThat(lines).hasSize(1 + 3 * LineChunks.LINES).startsWith(longLine, "0", "1").endsWith(String.valueOf(3 * LineChunks.LINES - 1));
        assertThat(firstLines).startsWith(1L, 1L + LineChunks.LINES).hasSizeGreaterThan(3);
    }

    private static List<String> read(String input, int maxLineBytes) throws IOException {
        LineChunks chunks = new LineChunks(stream(input), maxLineBytes);
        List<String> lines = new ArrayList<>();
        for (LineChunks.Chunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
            lines.addAll(lines(chunk));
        }
        return lines;
    }

    private static List<String> lines(LineChunks.Chunk chunk) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < chunk.lines; i++) {
            lines.add(new String(chunk.bytes, chunk.starts[i], chunk.ends[i] - chunk.starts[i], StandardCharsets.UTF_8));
        }
        return lines;
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
