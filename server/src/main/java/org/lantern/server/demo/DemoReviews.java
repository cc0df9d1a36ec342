package org.lantern.server.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.registers.review.FilteringReview;
import org.lantern.server.registers.review.FilteringReviews;
import org.lantern.server.registers.review.ReviewAnswers;
import org.lantern.server.registers.review.Signer;
import org.lantern.server.reports.SchoolYear;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo school's annual filtering and monitoring reviews, made through the register's own
 * service: last school year's, answered by the headteacher and signed by her and the governor in
 * July, and this year's, started from it three weeks ago with the answer on AI tools rewritten and
 * nobody's signature yet. So the evidence pack has a signed review to show, and the review page a
 * checklist in progress.
 */
@Component
@ConditionalOnProperty(name = "lantern.mode", havingValue = "demo")
@Order(5)
class DemoReviews implements DemoRegister {

    static final ReviewAnswers LAST_YEAR = new ReviewAnswers(
            "Pupils with SEND use the same filtered network; symbol-supported sites and the screen reader's "
                    + "services are allowed for every pupil group, and the SENCo asks for sites through unblock requests.",
            "Translation and bilingual dictionary sites are allowed for every group; alerts on words in other "
                    + "languages are reviewed with the EAL coordinator.",
            "Generative AI chat sites are blocked for pupils below the sixth form; staff use the one approved in "
                    + "the cloud services register.",
            "Personal devices join the guest wireless network, which is filtered as visitors; pupils' phones are "
                    + "kept in bags during lessons as the policy says.",
            "Check the filter test each term; add the new AI tools category to the policy; train new staff on "
                    + "reporting in their induction.");

    private final FilteringReviews reviews;
    private final Backdating backdating;

    DemoReviews(FilteringReviews reviews, Backdating backdating) {
        this.reviews = reviews;
        this.backdating = backdating;
    }

    @Override
    public void seed(DemoCalendar calendar) {
        SchoolYear last = calendar.lastYear();
        FilteringReview signed = reviews.start(last, LAST_YEAR, "head");
        reviews.sign(signed.id(), Signer.LEADER, "head");
        reviews.sign(signed.id(), Signer.GOVERNOR, "governor");
        LocalDate july = last.lastDay().withMonth(7);
        backdating.reviewDated(signed.id(), at(july.withDayOfMonth(1), 16), at(july.withDayOfMonth(8), 17),
                at(july.withDayOfMonth(10), 18));

        FilteringReview current = reviews.start(calendar.currentYear(), new ReviewAnswers(null, null,
                "Generative AI chat is now allowed for the sixth form for research, with the school's approved tool "
                        + "only; still blocked for younger pupils.", null, null), "head");
        backdating.reviewDated(current.id(), calendar.daysAgo(21, 15, 30), null, null);
    }

    private static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(SchoolTime.ZONE).toOffsetDateTime();
    }
}
