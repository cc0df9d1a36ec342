package org.lantern.policy;

import java.util.List;

/**
 * The pupil and staff Actions / Sanctions tables: what the school does about each kind of
 * incident, tick for tick as published.
 *
 * @param pupil the pupils' table
 * @param staff the staff table
 */
public record Sanctions(Table pupil, Table staff) {

    /*
     * Column ids the server acts on, beyond tracking them as actions: a referral to the DSL makes
     * a pupil's record a child-protection record, a referral to the police marks illegal material,
     * and completing the removal of access suspends the person in the filter. The presets use
     * these ids for the seed's columns; a school's own table must too, for those effects.
     */

    /** The "Refer to DSL" column. */
    public static final String REFER_TO_DSL = "refer-to-dsl";
    /** The "Refer to Police" column. */
    public static final String REFER_TO_POLICE = "refer-to-police";
    /** The "Removal of network / internet access rights" column. */
    public static final String REMOVE_NETWORK_ACCESS = "remove-network-access";

    /**
     * One Actions / Sanctions table. Schools sometimes print a table in parts with different
     * headers (a column dropped in the second part); each part keeps the columns it was printed with.
     *
     * @param columns every action column used by any part
     * @param parts   the printed parts, in order
     */
    public record Table(List<Column> columns, List<Part> parts) {
        public Table {
            columns = Lists.copy(columns);
            parts = Lists.copy(parts);
        }
    }

    /**
     * A printed part of a table.
     *
     * @param columns   ids of the columns printed above this part, in order
     * @param incidents the incident rows of this part
     */
    public record Part(List<String> columns, List<Incident> incidents) {
        public Part {
            columns = Lists.copy(columns);
            incidents = Lists.copy(incidents);
        }
    }

    /**
     * An incident category and the actions ticked for it.
     *
     * @param id      stable identifier
     * @param text    row text as published
     * @param actions ids of the ticked columns
     */
    public record Incident(String id, String text, List<String> actions) {
        public Incident {
            actions = Lists.copy(actions);
        }
    }
}
