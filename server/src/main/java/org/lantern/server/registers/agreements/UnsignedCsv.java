package org.lantern.server.registers.agreements;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.http.CsvDownload;
import org.lantern.server.http.SafeCsv;
import org.lantern.server.http.SchoolTime;
import org.springframework.stereotype.Component;

/**
 * Who has not signed the agreement in force, as a formula-safe CSV download: the one file the
 * register page and the API both send, so a school's script gets exactly what the page gives.
 */
@Component
class UnsignedCsv {

    private final AgreementCoverage coverage;
    private final AgreementTexts texts;

    UnsignedCsv(AgreementCoverage coverage, AgreementTexts texts) {
        this.coverage = coverage;
        this.texts = texts;
    }

    /** Writes the list for the filters as typed, or a 400 naming what is wrong with them. */
    void write(HttpServletResponse response, String audience, String year, String className) throws IOException {
        AgreementRegisterController.Filters filters = AgreementRegisterController.Filters.read(audience, year, className);
        if (CsvDownload.refused(response, filters.problems())) {
            return;
        }
        LocalDate today = SchoolTime.today();
        try (SafeCsv csv = CsvDownload.attachment(response, "agreements-unsigned-" + today + ".csv")) {
            csv.row("Agreement", "Version in force", "Name", "Kind", "Year group", "Class");
            Map<Audience, AgreementVersion> inForce = texts.allInForce();
            for (AgreementCoverage.Entry e : coverage.unsigned(today, filters.audience(), filters.year(),
                    filters.className())) {
                AgreementVersion v = inForce.get(e.audience());
                csv.row(e.audience().label(), v == null ? null : v.number(), e.name(), e.kind().label(), e.yearLabel(),
                        e.className());
            }
        }
    }
}
