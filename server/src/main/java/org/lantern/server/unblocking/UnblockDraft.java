package org.lantern.server.unblocking;

import java.time.Instant;
import java.util.List;

import org.lantern.filter.decision.UnblockException.Scope;

/**
 * What a member of staff asks for, before it is checked: the address as typed, whether the whole
 * site or only that address and below, who for, why and for how long. Null fields are allowed
 * here so that every problem can be reported at once by {@link Unblocks#problems(UnblockDraft, Instant)}.
 *
 * @param url       the address as typed or pasted, e.g. from the block page
 * @param scope     whole site ({@link Scope#DOMAIN}) or the address and below ({@link Scope#URL_PREFIX})
 * @param groupIds  policy group ids, from the policy in force
 * @param personIds ids of named people in the directory
 * @param reason    why the site is needed, e.g. the topic being studied
 * @param from      when it should start; null or a past time means now
 * @param until     when it must end (required)
 */
public record UnblockDraft(String url, Scope scope, List<String> groupIds, List<Long> personIds, String reason,
                           Instant from, Instant until) {

    /** Treats missing lists as empty. */
    public UnblockDraft {
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
        personIds = personIds == null ? List.of() : List.copyOf(personIds);
    }
}
