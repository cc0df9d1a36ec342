package org.lantern.server.filtering;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.lantern.proxy.block.BlockLinkSigner;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page a pupil's browser is sent to when the filter blocks a page (the ICAP server's redirect
 * mode and squid-helper redirects point here): what was blocked and why in plain words, how to ask
 * for access or report a concern, and the notice that internet use is monitored. Public, because
 * pupils browsing are not signed in to Lantern.
 *
 * <p>It shows the address, category and reason only when the filter signed them
 * ({@link BlockLinkSigner}): the page carries the school's name, so words anyone typed into the
 * address bar would make it a phishing page. Without a good signature it says only that a page was
 * blocked, and shows nothing it was given. What it shows is capped and always escaped.
 */
@Controller
class BlockPageController {

    static final int MAX_URL = 200;
    static final int MAX_REASON = 500;
    static final int MAX_CATEGORY = 64;

    private final BlockLinkSigner signer;

    BlockPageController(BlockLinkSigner signer) {
        this.signer = signer;
    }

    @GetMapping("/blocked")
    String blocked(HttpServletRequest request, Model model) {
        Optional<Map<String, String>> decided = signer.verify(request.getQueryString(), Instant.now())
                .map(BlockPageController::parameters);
        Map<String, String> shown = decided.orElse(Map.of());
        String url = shown.get("url");
        model.addAttribute("decided", decided.isPresent());
        model.addAttribute("url", cap(url, MAX_URL));
        model.addAttribute("fullUrl", cap(url, LocalLists.MAX_ENTRY));
        model.addAttribute("reason", cap(shown.get("reason"), MAX_REASON));
        model.addAttribute("category", cap(shown.get("category"), MAX_CATEGORY));
        return "filtering/blocked";
    }

    /** The query's parameters, decoded as a form is ({@code +} is a space); the first of a repeated name wins. */
    private static Map<String, String> parameters(String query) {
        Map<String, String> values = new HashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            try {
                values.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // A squidGuard %u can put a stray % in the query: that value is left out, not guessed at.
            }
        }
        return values;
    }

    private static String cap(String text, int max) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String t = text.strip();
        return t.length() > max ? t.substring(0, max) + "…" : t;
    }
}
