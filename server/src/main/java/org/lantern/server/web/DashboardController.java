package org.lantern.server.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The first page after sign-in: what this user can do, by role. */
@Controller
class DashboardController {

    @GetMapping("/")
    @PreAuthorize("hasAuthority('DASHBOARD')")
    String dashboard(Authentication authentication, Model model) {
        model.addAttribute("username", authentication.getName());
        return "dashboard";
    }
}
