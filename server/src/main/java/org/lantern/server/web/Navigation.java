package org.lantern.server.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UrlPathHelper;

/**
 * Which navigation link is the page being shown, so the layout can mark it with
 * {@code aria-current="page"} (read out by screen readers) and a visible underline. A link is
 * current on its own page and on every page under it: {@code /incidents} on an incident's page.
 */
@ControllerAdvice
class Navigation {

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    @ModelAttribute("nav")
    Current current(HttpServletRequest request) {
        return new Current(PATHS.getPathWithinApplication(request));
    }

    /**
     * The path of the page being shown.
     *
     * @param path the request's path within the application, e.g. {@code /incidents/12}
     */
    record Current(String path) {

        /** @return {@code "page"} when {@code href} is this page or a section holding it, else null (no attribute) */
        public String of(String href) {
            boolean here = href.equals("/") ? path.equals("/")
                    : path.equals(href) || path.startsWith(href.endsWith("/") ? href : href + "/");
            return here ? "page" : null;
        }
    }
}
