package org.lantern.proxy.icap;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.lantern.proxy.block.BlockLinkSigner;

/**
 * The page a pupil sees instead of a blocked site: what was blocked and why in plain words, how to
 * ask for access or report a concern, and a reminder that internet use is monitored (schools must
 * tell pupils this). Everything from the request is HTML-escaped: the URL is attacker-chosen.
 */
public final class BlockPage {

    /**
     * The page around its four values (shown address, reason, ask-for-access and report-a-concern
     * links), split once: pupils see this page whenever a request is blocked, and
     * {@code String.formatted} parsed the format on every one.
     */
    private static final String[] TEMPLATE = """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>This page is blocked</title>
                <meta name="viewport" content="width=device-width, initial-scale=1"></head>
                <body style="font-family: sans-serif; max-width: 40em; margin: 2em auto; line-height: 1.5">
                <h1>This page is blocked</h1>
                <p>The school's internet filter stopped this page:</p>
                <p><code>%s</code></p>
                <p>%s</p>
                <p>If you need this page for your work, <a href="%s">ask for access</a>.</p>
                <p>If something online has worried or upset you, <a href="%s">report a concern</a>
                or talk to a member of staff you trust.</p>
                <p><small>Internet use in school is monitored and recorded, as the school's acceptable use
                policy explains.</small></p>
                </body>
                </html>
                """.split("%s", -1);
    private static final int TEMPLATE_LENGTH = String.join("", TEMPLATE).length();

    private static final int SHOWN_URL_CHARS = 200;
    private static final int SHOWN_REASON_CHARS = 500;

    private BlockPage() {
    }

    /**
     * @param baseUrl the Lantern server's address, without a trailing slash
     * @param url the blocked URL
     * @param block why it was blocked
     * @return the page as HTML
     */
    public static String html(String baseUrl, String url, IcapVerdict.Block block) {
        String shown = url.length() > SHOWN_URL_CHARS ? url.substring(0, SHOWN_URL_CHARS) + "…" : url;
        String query = query(url, block);
        String[] values = {escape(shown), escape(block.reason()), escape(baseUrl + "/unblock/request?" + query),
            escape(baseUrl + "/report-concern?" + query)};
        StringBuilder page = new StringBuilder(TEMPLATE_LENGTH + 512);
        for (int i = 0; i < values.length; i++) {
            page.append(TEMPLATE[i]).append(values[i]);
        }
        return page.append(TEMPLATE[values.length]).toString();
    }

    /**
     * @param baseUrl the Lantern server's address, without a trailing slash
     * @param url the blocked URL
     * @param block why it was blocked
     * @param signer the server's block-link signer, or {@code null} to send the link unsigned
     * @param at when it was blocked
     * @return the address of the block page on the Lantern server, for redirect mode: signed, so the
     *     server shows what it says, and unsigned only when no key was given, so the server shows none of it
     */
    public static String redirectLocation(String baseUrl, String url, IcapVerdict.Block block, BlockLinkSigner signer,
            Instant at) {
        // The reason travels too, so the server's block page can say why without deciding again;
        // it is capped so that the Location header stays well under proxies' limits.
        String reason = block.reason().length() > SHOWN_REASON_CHARS
                ? block.reason().substring(0, SHOWN_REASON_CHARS) : block.reason();
        String query = query(url, block) + "&reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8);
        return baseUrl + "/blocked?" + (signer == null ? query : signer.sign(query, at));
    }

    private static String query(String url, IcapVerdict.Block block) {
        return "url=" + URLEncoder.encode(url, StandardCharsets.UTF_8)
                + "&category=" + URLEncoder.encode(block.category(), StandardCharsets.UTF_8);
    }

    /**
     * @param text any text
     * @return the text safe inside HTML element content and quoted attribute values
     */
    public static String escape(String text) {
        // Runs of plain text are copied whole, and text with nothing to escape is returned as it
        // is: a character at a time, escaping showed in the ICAP server's profile of blocked pages.
        StringBuilder out = null;
        int plain = 0;
        for (int i = 0; i < text.length(); i++) {
            String entity = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16);
                }
                out.append(text, plain, i).append(entity);
                plain = i + 1;
            }
        }
        return out == null ? text : out.append(text, plain, text.length()).toString();
    }
}
