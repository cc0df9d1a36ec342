package org.lantern.server.registers.agreements;

import java.util.List;
import java.util.Optional;

import org.lantern.server.people.Person;

/** What the agreements register's API sends and takes, apart from coverage and one's own acceptance. */
final class AgreementApiViews {

    private AgreementApiViews() {
    }

    /**
     * One audience's agreement with every version.
     *
     * @param audience    e.g. {@code KS3}
     * @param label       its name
     * @param inForce     the number of the version in force
     * @param signingFrom the number of the version whose signature counts (later ones were corrections)
     * @param versions    every version, newest first
     */
    record AgreementView(Audience audience, String label, int inForce, Integer signingFrom, List<VersionView> versions) {
    }

    /**
     * One version of an agreement.
     *
     * @param id            the version's id
     * @param number        1, 2, 3...
     * @param change        FIRST, MATERIAL (everyone signs again) or CORRECTION (nobody does)
     * @param material      whether those who signed an earlier version must sign this one
     * @param changeNote    what changed
     * @param title         its heading
     * @param text          its text
     * @param published     when it was published, with offset
     * @param publishedBy   who published it
     * @param policyVersion the school's policy version in force when it was published, or null
     */
    record VersionView(long id, int number, ChangeKind change, boolean material, String changeNote, String title,
                       String text, String published, String publishedBy, Integer policyVersion) {
        static VersionView of(AgreementVersion v) {
            return new VersionView(v.id(), v.number(), v.changeKind(), v.changeKind().needsSigning(), v.changeNote(),
                    v.title(), v.body(), v.createdAt().toString(), v.createdBy(), v.policyVersion());
        }
    }

    /**
     * Who accepted a version, when and how.
     *
     * @param id         the acceptance's id
     * @param personId   whose agreement it is (the pupil, for the parents' agreement)
     * @param name       that person's name
     * @param method     ONLINE or PAPER
     * @param signedOn   the day accepted online, or the date on the paper form
     * @param signedBy   the name of who signed (a parent or carer, for the parents' agreement)
     * @param recordedBy the account that recorded it
     * @param recordedAt when, with offset
     * @param scan       whether a scan of the paper form is kept
     */
    record AcceptanceView(long id, long personId, String name, AcceptanceMethod method, String signedOn,
                          String signedBy, String recordedBy, String recordedAt, boolean scan) {
        static AcceptanceView of(Acceptance a, String name) {
            return new AcceptanceView(a.id(), a.personId(), name, a.method(), a.signedOn().toString(), a.signedBy(),
                    a.recordedBy(), a.recordedAt().toString(), a.scanId() != null);
        }
    }

    /**
     * A page of one version's acceptances.
     *
     * @param audience    the agreement
     * @param version     the version's number
     * @param total       how many acceptances it has in all
     * @param page        this page, from 1
     * @param pageSize    at most this many a page
     * @param acceptances this page's, the latest signed first
     */
    record AcceptancePage(Audience audience, int version, long total, int page, int pageSize,
                          List<AcceptanceView> acceptances) {
    }

    /**
     * A paper form to record.
     *
     * @param personId whose agreement it is (the pupil, for a parent's or carer's form)
     * @param audience the agreement, e.g. {@code PARENTS}
     * @param version  the number of the version the form shows
     * @param signedOn the date on the form, e.g. 2026-09-03
     * @param signedBy who signed it: required for the parents' agreement; blank means the person
     */
    record PaperForm(Long personId, String audience, Integer version, String signedOn, String signedBy) {
    }

    /** The name to show for a person id, or a placeholder for one since erased. */
    static String name(Optional<Person> person) {
        return person.map(Person::displayName).orElse("(no longer in the people directory)");
    }
}
