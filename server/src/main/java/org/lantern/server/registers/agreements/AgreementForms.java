package org.lantern.server.registers.agreements;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.lantern.server.http.SchoolTime;

/**
 * The checks on what is typed into the agreements register, apart from the database so each rule
 * can be tested on its own. A new version needs a title and text, and after the first a kind of
 * change and a note for the record ({@link AgreementTexts}). A paper form ({@link Acceptances})
 * must be of an agreement the person signs, dated neither in the future nor before the version was
 * published (in school time), and a parents' form names the parent or carer who signed it.
 */
final class AgreementForms {

    private AgreementForms() {
    }

    /**
     * Everything wrong with a new version, in words; empty when it can be published.
     *
     * @param hasVersion whether the audience already has a version in force (so this one is a change)
     */
    static List<String> versionProblems(Audience audience, String title, String body, ChangeKind kind, String note,
                                        boolean hasVersion) {
        List<String> problems = new ArrayList<>();
        String t = strip(title);
        String b = strip(body);
        String n = strip(note);
        if (audience == null) {
            problems.add("Choose who the agreement is for.");
        }
        if (t.isEmpty()) {
            problems.add("Give the agreement a title.");
        } else if (t.length() > AgreementTexts.MAX_TITLE) {
            problems.add("The title is " + t.length() + " characters long; at most " + AgreementTexts.MAX_TITLE + ".");
        }
        if (b.isEmpty()) {
            problems.add("Write the agreement's text.");
        } else if (b.length() > AgreementTexts.MAX_BODY) {
            problems.add("The text is " + b.length() + " characters long; at most " + AgreementTexts.MAX_BODY + ".");
        }
        if (n.length() > AgreementTexts.MAX_NOTE) {
            problems.add("The note on what changed is " + n.length() + " characters long; at most "
                    + AgreementTexts.MAX_NOTE + ".");
        }
        if (hasVersion && kind == null) {
            problems.add("Say whether this is a material change (everyone signs again) or a correction (nobody does).");
        }
        if (hasVersion && n.isEmpty()) {
            problems.add("Say what changed, for the record.");
        }
        return problems;
    }

    /**
     * Everything wrong with a paper form, in words; empty when it can be recorded. The scan, if
     * any, is checked apart.
     *
     * @param signs    the agreements the person signs ({@link Audience#of})
     * @param person   their name, for the message
     * @param version  the version the form is of
     * @param signedOn the date on the form, or null when none was given
     * @param signedBy who signed it as typed, or null
     * @param today    the school's today
     */
    static List<String> paperProblems(List<Audience> signs, String person, AgreementVersion version,
                                      LocalDate signedOn, String signedBy, LocalDate today) {
        List<String> problems = new ArrayList<>();
        if (!signs.contains(version.audience())) {
            problems.add("Version " + version.number() + " is of the " + version.audience().label() + " agreement, which "
                    + person + " does not sign: choose " + signs.stream()
                    .map(Audience::label).reduce((a, b) -> a + " or " + b).orElse("no agreement") + ".");
        }
        LocalDate published = version.createdAt().atZoneSameInstant(SchoolTime.ZONE).toLocalDate();
        if (signedOn == null) {
            problems.add("Give the date on the form.");
        } else if (signedOn.isAfter(today)) {
            problems.add("The form's date, " + SchoolTime.day(signedOn) + ", is in the future.");
        } else if (signedOn.isBefore(published)) {
            problems.add("The form is dated " + SchoolTime.day(signedOn) + ", before version " + version.number()
                    + " was published on " + SchoolTime.day(published) + ": check the date, or record the version the form shows.");
        }
        String name = strip(signedBy);
        if (name.isEmpty() && version.audience() == Audience.PARENTS) {
            problems.add("Give the name of the parent or carer who signed the form.");
        } else if (name.length() > Acceptances.MAX_SIGNED_BY) {
            problems.add("The name is " + name.length() + " characters long; at most " + Acceptances.MAX_SIGNED_BY + ".");
        }
        return problems;
    }

    /** Text as kept: stripped, empty when none was given. */
    static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
