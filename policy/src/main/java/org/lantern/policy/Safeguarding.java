package org.lantern.policy;

import java.util.List;
import java.util.Optional;

/**
 * The safeguarding list: the kinds of concern about a child at risk, apart from the Actions /
 * Sanctions tables, which are about infringements of the policy. Each concern carries the steps
 * the guidance it cites recommends, which become the record's tracked actions, so a child who
 * discloses grooming gets support and referrals, never a sanction. Every preset carries the
 * standard list; a school adds its own concerns or steps by editing it.
 *
 * @param concerns the kinds of concern, in the order the recording form offers them
 */
public record Safeguarding(List<Concern> concerns) {
    public Safeguarding {
        concerns = Lists.copy(concerns);
    }

    /** The concern with this id, if any. */
    public Optional<Concern> concern(String id) {
        return concerns.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * A kind of concern about a child.
     *
     * @param id              stable identifier
     * @param text            its name, e.g. "Sharing nudes and semi-nudes"
     * @param group           the heading it is listed under, e.g. "Online harms"
     * @param guidance        the published guidance its steps follow, by name
     * @param illegalMaterial whether it involves material that is illegal to hold (indecent images
     *                        of under-18s): the record then follows the illegal-material path
     * @param steps           the recommended steps, in order
     */
    public record Concern(String id, String text, String group, String guidance, boolean illegalMaterial,
                          List<Step> steps) {
        public Concern {
            steps = Lists.copy(steps);
        }
    }

    /**
     * A recommended step, tracked as an action.
     *
     * @param id       stable identifier; the same id means the same step across concerns (and, for
     *                 {@code refer-to-dsl} and {@code refer-to-police}, the same as the tables' columns)
     * @param text     what to do
     * @param perChild whether it is done for each child at risk (telling a child's parents, a
     *                 child's support) rather than once for the record
     */
    public record Step(String id, String text, boolean perChild) {
    }
}
