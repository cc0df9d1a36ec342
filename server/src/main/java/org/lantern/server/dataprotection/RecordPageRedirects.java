package org.lantern.server.dataprotection;

import java.util.List;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where a form posted from a breach or subject access request page goes next: back to that page,
 * with a message saying what was saved or the problems that stopped it. Both registers answer the
 * same way so the person keeping them sees one way of working.
 */
final class RecordPageRedirects {

    private RecordPageRedirects() {
    }

    /** Makes the change; back to {@code page} with {@code done}, or with its problems when refused. */
    static String change(String page, RedirectAttributes redirect, String done, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("message", done);
        } catch (DataProtectionException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:" + page;
    }

    /** Back to {@code page} with problems found before any change was tried, e.g. an unreadable date. */
    static String problems(String page, RedirectAttributes redirect, List<String> problems) {
        redirect.addFlashAttribute("problems", problems);
        return "redirect:" + page;
    }
}
