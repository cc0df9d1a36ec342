package org.lantern.server.registers.cloud;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.http.CsvDownload;
import org.lantern.server.http.SafeCsv;
import org.lantern.server.http.SchoolTime;

/** The cloud services and licences registers as CSV downloads, through {@link SafeCsv}, which disarms formulas. */
final class CloudExport {

    private CloudExport() {
    }

    static void services(HttpServletResponse response, List<CloudService> services) throws IOException {
        try (SafeCsv csv = CsvDownload.attachment(response, "cloud-services-" + SchoolTime.today() + ".csv")) {
            csv.row("Service", "Status", "Purpose", "Data held", "DPIA done", "Data-processing agreement",
                    "Requested by", "Approved or refused by", "On", "Reason refused");
            for (CloudService s : services) {
                csv.row(s.name(), s.status().label(), s.purpose(), s.dataHeld(), s.dpiaDone() ? "yes" : "no",
                        s.dpaInPlace() ? "yes" : "no", s.requestedBy(), s.decidedBy(), SchoolTime.when(s.decidedAt()),
                        s.refusalReason());
            }
        }
    }

    static void licences(HttpServletResponse response, List<SoftwareLicence> licences, LocalDate today)
            throws IOException {
        try (SafeCsv csv = CsvDownload.attachment(response, "software-licences-" + today + ".csv")) {
            csv.row("Product", "Supplier", "Reference", "Seats", "Expires", "Expired");
            for (SoftwareLicence l : licences) {
                csv.row(l.product(), l.supplier(), l.reference(), l.seats(), l.expiresOn(), l.expired(today) ? "yes" : "");
            }
        }
    }
}
