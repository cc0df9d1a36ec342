package org.lantern.proxy.icap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The block page shows attacker-chosen addresses, so everything from the request is escaped. */
class BlockPageTest {

    @Test
    void escapesEveryCharacterThatIsSpecialInHtml() {
        assertThat(BlockPage.escape("a&b<c>d\"e'f")).isEqualTo("a&amp;b&lt;c&gt;d&quot;e&#39;f");
    }

    @Test
    void escapesCharactersAtBothEnds() {
        assertThat(BlockPage.escape("<x>")).isEqualTo("&lt;x&gt;");
    }

    @Test
    void leavesPlainTextAsItIs() {
        assertThat(BlockPage.escape("http://a.example/path?q=1")).isEqualTo("http://a.example/path?q=1");
    }

    @Test
    void pageShowsAScriptInTheAddressAsTextNeverAsMarkup() {
        String page = BlockPage.html("https://lantern.school", "http://a.example/<script>alert(1)</script>",
                new IcapVerdict.Block("This site is in the <b>gambling</b> category.", "gambling"));

        assertThat(page).doesNotContain("<script>", "<b>")
                .contains("http://a.example/&lt;script&gt;alert(1)&lt;/script&gt;",
                        "This site is in the &lt;b&gt;gambling&lt;/b&gt; category.",
                        "href=\"https://lantern.school/unblock/request?url=http%3A%2F%2Fa.example%2F%3Cscript%3E");
    }
}
