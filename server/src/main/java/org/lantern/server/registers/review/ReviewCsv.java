package org.lantern.server.registers.review;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.http.CsvDownload;
import org.lantern.server.http.SafeCsv;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Viewer;
import org.springframework.stereotype.Component;

/**
 * Every year's filtering and monitoring review as CSV, for the reviews page and the API alike: the
 * answers to what the DfE asks, the actions agreed and the two signatures, a line per review. It
 * holds what reading a review shows, so each review in it is logged in the record-access log as a
 * read of that review is.
 */
@Component
class ReviewCsv {

    private final FilteringReviews reviews;

    ReviewCsv(FilteringReviews reviews) {
        this.reviews = reviews;
    }

    /** Writes the download, logging a read of each review in it by {@code viewer} through {@code channel}. */
    void write(HttpServletResponse response, Viewer viewer, Channel channel) throws IOException {
        List<FilteringReview> all = reviews.all();
        try (SafeCsv csv = CsvDownload.attachment(response, "filtering-reviews-" + SchoolTime.today() + ".csv")) {
            csv.row("Review", "School year", "Started by", "Started", "SEND", "EAL", "AI tools", "BYOD", "Actions",
                    "Senior leader", "Senior leader signed", "Governor", "Governor signed", "Complete");
            for (FilteringReview r : all) {
                reviews.logRead(r.id(), viewer, channel);
                ReviewAnswers a = r.answers();
                csv.row(r.number(), r.schoolYearLabel(), r.createdBy(), SchoolTime.when(r.createdAt()), a.send(), a.eal(),
                        a.aiTools(), a.byod(), a.actions(), r.leaderSignedBy(), SchoolTime.when(r.leaderSignedAt()),
                        r.governorSignedBy(), SchoolTime.when(r.governorSignedAt()), r.complete() ? "Yes" : "No");
            }
        }
    }
}
