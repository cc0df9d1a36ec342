package org.lantern.server.people;

import java.util.List;
import java.util.Optional;

import org.lantern.policy.Activity;
import org.lantern.policy.Column;
import org.lantern.policy.Group;
import org.lantern.policy.GroupKind;
import org.lantern.policy.Level;
import org.lantern.policy.PolicyDocument;
import org.lantern.policy.TimeWindow;
import org.lantern.server.identity.AccountPrincipal;
import org.lantern.server.policy.PolicyService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The policy as it applies to pupils, in plain words: what they may do online (the User Actions
 * rows, ticked for their group), which ways of talking to people they may use (the pupils' side of
 * the Communications table), how to report a concern and how to ask for a blocked page. The block
 * page cites it, and pupils may not read the full policy, which holds the staff's rules and the
 * sanctions. A signed-in pupil sees their own group's rules; anyone else sees every pupil group's.
 * It lives with people because whose rules apply is the people directory's answer ({@link GroupChoice}).
 */
@Controller
class PupilPolicyController {

    private final PolicyService policies;
    private final People people;
    private final GroupMemberships memberships;

    PupilPolicyController(PolicyService policies, People people, GroupMemberships memberships) {
        this.policies = policies;
        this.people = people;
        this.memberships = memberships;
    }

    /** One User Actions row, answered for each group shown. */
    record Rule(String activity, List<String> answers) {
    }

    /** One Communications row: the technology and what the pupils' columns say of it. */
    record Talking(String technology, String answer) {
    }

    @GetMapping("/policy/pupils")
    @PreAuthorize("hasAuthority('POLICY_READ_PUPILS')")
    String pupils(Authentication user, Model model) {
        PolicyDocument policy = policies.currentDocument();
        List<Group> pupilGroups = policy.groups().stream().filter(g -> g.kind() == GroupKind.PUPIL).toList();
        Optional<Group> own = people.findByAccount(((AccountPrincipal) user.getPrincipal()).id())
                .filter(p -> p.kind() == PersonKind.PUPIL)
                .flatMap(p -> policy.group(memberships.choice(p).groupId()));
        List<Group> shown = own.map(List::of).orElse(pupilGroups);
        model.addAttribute("school", policy.school());
        model.addAttribute("own", own.orElse(null));
        model.addAttribute("groups", shown);
        model.addAttribute("rules", policy.activities().stream()
                .map(a -> new Rule(a.text(), shown.stream().map(g -> answer(policy, a, g)).toList())).toList());
        model.addAttribute("talking", policy.communications() == null ? List.of()
                : policy.communications().rows().stream().map(r -> new Talking(r.text(),
                        String.join("; ", policy.communications().pupilColumns().stream()
                                .filter(c -> r.pupils().contains(c.id())).map(Column::text).toList()))).toList());
        return "people/pupil-policy";
    }

    /** A row's ticks for one group, as a pupil would say them; the meaning is {@link org.lantern.policy.Acceptability}'s. */
    static String answer(PolicyDocument policy, Activity activity, Group group) {
        List<Level> levels = activity.levelsFor(group.id());
        if (levels.contains(Level.UNACCEPTABLE_AND_ILLEGAL)) {
            return "Never: it is against the law";
        }
        if (levels.contains(Level.ACCEPTABLE)
                || levels.contains(Level.ACCEPTABLE_FOR_NOMINATED_USERS) && activity.nominated().contains(group.id())) {
            return "Yes";
        }
        if (levels.contains(Level.ACCEPTABLE_AT_CERTAIN_TIMES)) {
            return "Only at certain times: " + String.join(", ", activity.windowsFor(group.id()).stream()
                    .map(w -> policy.window(w).map(TimeWindow::name).orElse(w)).toList());
        }
        return "No";
    }
}
