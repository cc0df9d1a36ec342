package org.lantern.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Mobile Technologies (BYOD) table: for each kind of device, whether it may be used in school
 * and what network access it gets. Cells are Yes, No or blank, as published.
 *
 * @param devices the device columns
 * @param rows    the questions (allowed for use, full network access, …)
 * @param notes   footnotes that cells and devices refer to
 */
public record MobileTechnologies(List<Device> devices, List<Row> rows, List<Note> notes) {
    public MobileTechnologies {
        devices = Lists.copy(devices);
        rows = Lists.copy(rows);
        notes = Lists.copy(notes);
    }

    /** Who owns a device. */
    public enum Ownership {
        @JsonProperty("school") SCHOOL,
        @JsonProperty("personal") PERSONAL
    }

    /**
     * A device column.
     *
     * @param id    stable identifier
     * @param text  header text as published (without footnote marker)
     * @param owner school or personal device
     * @param note  id of a footnote attached to the header, if any
     */
    public record Device(String id, String text, Ownership owner, String note) {
    }

    /**
     * One question and its answers per device. Devices in neither list are blank.
     *
     * @param id    stable identifier
     * @param text  row text as published
     * @param yes   devices answered Yes
     * @param no    devices answered No
     * @param notes footnote id per device cell that carries one
     */
    public record Row(String id, String text, List<String> yes, List<String> no, Map<String, String> notes) {
        public Row {
            yes = Lists.copy(yes);
            no = Lists.copy(no);
            notes = Lists.copy(notes);
        }

        /** The published answer for a device: true for Yes, false for No, empty for blank. */
        public Optional<Boolean> answer(String deviceId) {
            if (yes.contains(deviceId)) {
                return Optional.of(true);
            }
            return no.contains(deviceId) ? Optional.of(false) : Optional.empty();
        }
    }

    /**
     * A footnote.
     *
     * @param id     stable identifier
     * @param marker the marker printed in the table, e.g. ¹
     * @param text   the footnote text
     */
    public record Note(String id, String marker, String text) {
    }
}
