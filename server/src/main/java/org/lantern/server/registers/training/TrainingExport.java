package org.lantern.server.registers.training;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.http.CsvDownload;
import org.lantern.server.http.SafeCsv;

/**
 * The training register as a CSV download, for the page and the API alike: one row per person and
 * course they must take, through {@link SafeCsv}, which disarms formulas in names and titles.
 */
final class TrainingExport {

    private TrainingExport() {
    }

    /** Writes {@code statuses} as the attachment {@code training-<which>-<today>.csv}. */
    static void write(HttpServletResponse response, String which, LocalDate today, List<TrainingDue> statuses)
            throws IOException {
        try (SafeCsv csv = CsvDownload.attachment(response, "training-" + which + "-" + today + ".csv")) {
            csv.row("Name", "Role", "Course", "Renewal", "Last completed", "Due by", "Status");
            for (TrainingDue d : statuses) {
                csv.row(d.trainee().name(), d.trainee().trainingRole().map(r -> r.title()).orElse(""),
                        d.course().title(), d.course().renewalText(), d.lastDone(), d.dueOn(), d.state().label());
            }
        }
    }
}
