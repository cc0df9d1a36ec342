package org.lantern.server.registers.hub;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.lantern.server.identity.Permission;
import org.springframework.security.core.Authentication;

/**
 * A register's entries on the Registers page ({@code /registers}): each register gives its cards
 * as a Spring bean, and the page shows those the signed-in role may open, so a new register appears
 * there without the page knowing of it.
 */
public interface RegisterCards {

    /** A register's live counts, in words, worked out only for a viewer who may open it. */
    @FunctionalInterface
    interface Facts {
        /** The facts for {@code viewer} on {@code today}, e.g. "3 loans overdue"; counts and dates, never a name. */
        List<String> of(LocalDate today, Authentication viewer);
    }

    /**
     * One register, as the Registers page lists it.
     *
     * @param order       where it comes on the page, lowest first
     * @param opens       the permissions that open its page, any one of them: only their holders see the card
     * @param title       its name, e.g. "Loans"
     * @param link        its page, e.g. {@code /registers/loans}
     * @param description what it is for, in one line
     * @param facts       its live counts
     */
    record Card(int order, Set<Permission> opens, String title, String link, String description, Facts facts) {

        /** A register whose page one permission opens. */
        public Card(int order, Permission opens, String title, String link, String description, Facts facts) {
            this(order, Set.of(opens), title, link, description, facts);
        }

        /** Whether {@code viewer} holds a permission that opens its page. */
        public boolean shownTo(Authentication viewer) {
            return opens.stream().anyMatch(p -> p.heldBy(viewer));
        }
    }

    /** This register's cards. */
    List<Card> cards();

    /** "1 loan" or "3 loans": a count with its noun. */
    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
