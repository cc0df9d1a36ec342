package org.lantern.server.http;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvDownloadTest {

    @Test
    void everyFormulaStartIsPrefixed() {
        assertThat(List.of("=1", "+1", "-1", "@SUM(A1)").stream().map(CsvDownload::cell))
                .containsExactly("'=1", "'+1", "'-1", "'@SUM(A1)");
        assertThat(CsvDownload.cell("Plain reason")).isEqualTo("Plain reason");
    }
}
