package org.lantern.server.monitoring.notice;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "What Lantern monitors", open to anyone without signing in (pupils, parents, staff), linked from
 * the block page and the sign-in page: monitoring nobody is told about is one of the complaints
 * issue 17 answers. It shows only what is generated from the policy and libraries in force.
 */
@Controller
class MonitoringNoticeController {

    /** The page's address, open to all in the security configuration. */
    static final String PATH = "/what-lantern-monitors";

    private final MonitoringNotices notices;

    MonitoringNoticeController(MonitoringNotices notices) {
        this.notices = notices;
    }

    @GetMapping(PATH)
    String notice(Model model) {
        model.addAttribute("notice", notices.current());
        return "monitoring/notice";
    }
}
