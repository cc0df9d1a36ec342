package org.lantern.server.activity;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The activity log's settings page: whether the network manager sees pupils' names, with the
 * history of who chose what and why. Only the headteacher and the DSL (ACTIVITY_NAMES_MANAGE) see or
 * change it, so the network manager cannot grant it to themselves. Works without JavaScript.
 */
@Controller
class ActivitySettingsController {

    private final ActivityNamesSetting setting;

    ActivitySettingsController(ActivityNamesSetting setting) {
        this.setting = setting;
    }

    @GetMapping("/activity/settings")
    @PreAuthorize("hasAuthority('ACTIVITY_NAMES_MANAGE')")
    String settings(Model model) {
        model.addAttribute("technicalSeesNames", setting.technicalSeesNames());
        model.addAttribute("installationDefault", setting.installationDefault());
        model.addAttribute("history", setting.history());
        return "activity/settings";
    }

    @PostMapping("/activity/settings/names")
    @PreAuthorize("hasAuthority('ACTIVITY_NAMES_MANAGE')")
    String names(@RequestParam(defaultValue = "") String technicalSeesNames,
                 @RequestParam(defaultValue = "") String reason, Authentication user, RedirectAttributes redirect) {
        try {
            boolean names = switch (technicalSeesNames) {
                case "yes" -> true;
                case "no" -> false;
                default -> throw new ActivitySettingRejectedException("Choose whether the network manager sees names.");
            };
            setting.choose(names, reason, user.getName());
            redirect.addFlashAttribute("message", names
                    ? "The network manager now sees pupils' names in the activity log."
                    : "The network manager no longer sees pupils' names in the activity log.");
        } catch (ActivitySettingRejectedException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/activity/settings";
    }
}
