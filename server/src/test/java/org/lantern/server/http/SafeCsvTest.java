package org.lantern.server.http;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SafeCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"})
    void everyFormulaStartIsPrefixed(String text) {
        assertThat(SafeCsv.cell(text)).isEqualTo("'" + text);
    }

    @Test
    void plainTextIsLeftAsItIs() {
        assertThat(SafeCsv.cell("Plain reason")).isEqualTo("Plain reason");
    }

    @Test
    void everyCellOfARowIsDisarmedButNumbersStayNumbers() throws IOException {
        StringWriter out = new StringWriter();
        try (SafeCsv csv = SafeCsv.over(out)) {
            csv.row("=cmd", -3, null, "ok");
        }

        assertThat(out).hasToString("'=cmd,-3,,ok\r\n");
    }

    @Test
    void aFileInMemoryDisarmsItsHeaderAndRowsToo() {
        byte[] file = SafeCsv.toBytes(List.of("id", "@name"), List.of(Arrays.asList(1L, "+44 20 7946 0000")));

        assertThat(new String(file, StandardCharsets.UTF_8)).isEqualTo("id,'@name\r\n1,'+44 20 7946 0000\r\n");
    }
}
