package org.lantern.server.registers.consents;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lantern.server.http.SafeCsv;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.people.Person;
import org.springframework.stereotype.Component;

/**
 * The register as CSV, one line per pupil on roll and use, through {@link SafeCsv} (names and
 * "given by" are typed by others, so formulas are disarmed). Its columns are the import's, so an
 * export can be filled in and imported back. The never-publish column is written only for those
 * who may see the flag; for anyone else a flagged pupil's "May appear" is simply "no".
 */
@Component
class ConsentExport {

    static final List<String> HEADER = List.of("Person id", "Name", "Year group", "Class", "Use", "Consent", "Given by",
            "Given on", "Pupil agreed", "Ends on", "Withdrawn on", "Status", "May appear");

    private final WhoMayAppear whoMayAppear;
    private final NeverPublish neverPublish;

    ConsentExport(WhoMayAppear whoMayAppear, NeverPublish neverPublish) {
        this.whoMayAppear = whoMayAppear;
        this.neverPublish = neverPublish;
    }

    /**
     * Writes the register.
     *
     * @param viewer the reader, when they may see the never-publish flags (each flagged pupil's read is
     *               logged), or null
     */
    void write(SafeCsv csv, LocalDate today, PupilFilter filter, Viewer viewer, Channel channel) throws IOException {
        List<WhoMayAppear.Pupil> rows = whoMayAppear.pupils(today, filter.classes(), filter.year());
        Map<Long, NeverPublish.Flag> flags = viewer == null ? null
                : neverPublish.readAmong(ConsentRegisterController.ids(rows), viewer, channel);
        List<String> header = new ArrayList<>(HEADER);
        if (flags != null) {
            header.add("Never publish");
        }
        csv.row(header);
        for (WhoMayAppear.Pupil row : rows) {
            Person p = row.pupil();
            for (PhotoUse use : PhotoUse.values()) {
                Consent c = row.consents().get(use);
                List<Object> cells = new ArrayList<>(List.of(p.id(), p.displayName(),
                        p.yearGroup() == null ? "" : p.yearGroup().label(), nullToEmpty(p.registrationClass()), use.label()));
                if (c == null) {
                    cells.addAll(List.of("", "", "", "", "", "", "Not asked"));
                } else {
                    cells.addAll(List.of(c.granted() ? "yes" : "no", c.givenBy(), c.givenOn().toString(),
                            c.pupilAgreed() == null ? "" : c.pupilAgreed() ? "yes" : "no",
                            c.expiresOn() == null ? "" : c.expiresOn().toString(),
                            c.withdrawnOn() == null ? "" : c.withdrawnOn().toString(), c.status(today)));
                }
                cells.add(row.mayAppear(use) ? "yes" : "no");
                if (flags != null) {
                    NeverPublish.Flag f = flags.get(p.id());
                    cells.add(f == null ? "" : f.reason().label());
                }
                csv.row(cells);
            }
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
