package org.lantern.monitor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.monitor.model.LabelledText.Kind;
import org.lantern.monitor.library.Category;

/**
 * The labelled-set loader: a good file read whole with its lines named and its escapes decoded,
 * a bad one refused with every bad line listed.
 */
class LabelledSetTest {

    private static final String HEADER = "text,expected_level,expected_categories,help_seeking,identity,language,kind,note\n";

    @Test
    void readsTextsWithTheirLinesCommentsQuotesAndEscapes() throws Exception {
        LabelledSet set = LabelledSet.read(new StringReader("# a comment\n" + HEADER
                + "\"su\\u200Bicide, now\",5,suicide|self-harm,false,false,en,obfuscated,zero-width\n"
                + "# another comment\n"
                + "\n"
                + "\"am i gay\",0,,false,true,en,identity,"), "fixture.csv");

        assertThat(set.name()).isEqualTo("fixture.csv");
        assertThat(set.cases()).hasSize(2);
        LabelledText first = set.cases().get(0);
        assertThat(first.line()).isEqualTo(3);
        assertThat(first.text()).isEqualTo("su\u200Bicide, now");
        assertThat(first.expectedCategories()).containsExactlyInAnyOrder(Category.SUICIDE, Category.SELF_HARM);
        assertThat(first.kind()).isEqualTo(Kind.OBFUSCATED);
        assertThat(first.actNow()).isTrue();
        LabelledText second = set.cases().get(1);
        assertThat(second.line()).isEqualTo(6);
        assertThat(second.identity()).isTrue();
        assertThat(second.expectedCategories()).isEmpty();
        assertThat(second.shouldAlert()).isFalse();
    }

    @Test
    void readsASpreadsheetsFileWithItsByteOrderMark() throws Exception {
        LabelledSet set = LabelledSet.read(new StringReader("\uFEFF" + HEADER + "\"kill -9 1234\",0,,false,false,en,benign-lookalike,\r\n"),
                "excel.csv");

        assertThat(set.cases()).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("kill -9 1234");
            assertThat(c.line()).isEqualTo(2);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "\"x\",6,suicide,false,false,en,risk,;                 expected_level '6'",
        "\"x\",3,suicide|nonsense,false,false,en,risk,;        category 'nonsense'",
        "\"x\",3,suicide,yes,false,en,risk,;                   help_seeking 'yes'",
        "\"x\",3,suicide,false,false,English,risk,;            language 'English'",
        "\"x\",3,suicide,false,false,en,scary,;                kind 'scary'",
        "\"x\",4,,false,false,en,risk,;                        level 4 needs at least one expected category",
        "\"  \",0,,false,false,en,risk,;                       empty text",
        "\"x\",3,suicide;                                      fields, not one per header column",
    })
    void refusesABadLineNamingItAndLoadsNothing(String bad, String message) {
        String csv = HEADER + "\"fine\",0,,false,false,en,benign-lookalike,\n" + bad + "\n";

        assertThatThrownBy(() -> LabelledSet.read(new StringReader(csv), "bad.csv"))
                .isInstanceOfSatisfying(LabelledSetFormatException.class, e -> assertThat(e.errors())
                        .singleElement().asString().startsWith("line 3: ").contains(message.strip()));
    }

    @Test
    void listsEveryBadLineNotJustTheFirst() {
        String csv = HEADER + "\"a\",9,,false,false,en,risk,\n\"b\",0,,false,false,en,risk,\n\"c\",0,,maybe,false,en,risk,\n";

        assertThatThrownBy(() -> LabelledSet.read(new StringReader(csv), "bad.csv"))
                .isInstanceOfSatisfying(LabelledSetFormatException.class, e -> assertThat(e.errors())
                        .hasSize(2).anySatisfy(m -> assertThat(m).startsWith("line 2: "))
                        .anySatisfy(m -> assertThat(m).startsWith("line 4: ")));
    }

    @Test
    void refusesAFileWithoutTheColumns() {
        assertThatThrownBy(() -> LabelledSet.read(new StringReader("text,level\n\"a\",1\n"), "bad.csv"))
                .isInstanceOfSatisfying(LabelledSetFormatException.class, e -> assertThat(e.errors()).singleElement()
                        .asString().startsWith("line 1: missing column(s) expected_level, expected_categories"));
    }
}
