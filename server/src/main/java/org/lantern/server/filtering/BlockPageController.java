package org.lantern.server.filtering;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a pupil's browser is sent to when the filter blocks a page (the ICAP server's redirect
 * mode points here): what was blocked and why in plain words, how to ask for access or report a
 * concern, and the notice that internet use is monitored. Public, because pupils browsing are not
 * signed in to Lantern. Every parameter comes from the address bar, so it is capped and only ever
 * shown escaped.
 */
@Controller
class BlockPageController {

    static final int MAX_URL = 200;
    static final int MAX_REASON = 500;
    static final int MAX_CATEGORY = 64;

    @GetMapping("/blocked")
    String blocked(@RequestParam(required = false) String url, @RequestParam(required = false) String reason,
                   @RequestParam(required = false) String category, Model model) {
        model.addAttribute("url", cap(url, MAX_URL));
        model.addAttribute("fullUrl", cap(url, LocalLists.MAX_ENTRY));
        model.addAttribute("reason", cap(reason, MAX_REASON));
        model.addAttribute("category", cap(category, MAX_CATEGORY));
        return "filtering/blocked";
    }

    private static String cap(String text, int max) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String t = text.strip();
        return t.length() > max ? t.substring(0, max) + "…" : t;
    }
}
