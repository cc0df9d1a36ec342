package org.lantern.server.registers.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.registers.RegisterException;

/**
 * The rules of the cloud services list and the software licences register, apart from the
 * database so each can be tested on its own ({@link CloudServices} and {@link SoftwareLicences}
 * apply them, then write): what a request and a licence must say, that a service is approved by
 * the ICT manager and a senior leader as two different people, and that a name is the same
 * service whatever its case and spacing.
 */
final class CloudRules {

    private CloudRules() {
    }

    /** Everything wrong with a request for a new service, its name first; empty when it can be kept. */
    static List<String> requestProblems(CloudServices.Details details) {
        String name = strip(details.name());
        List<String> problems = detailsProblems(details);
        if (name.isEmpty()) {
            problems.add(0, "Give the service's name.");
        } else if (name.length() > CloudServices.MAX_NAME) {
            problems.add(0, "The name is " + name.length() + " characters long; at most " + CloudServices.MAX_NAME + ".");
        }
        return problems;
    }

    /** Everything wrong with a service's purpose and data held; empty when they can be kept. */
    static List<String> detailsProblems(CloudServices.Details details) {
        List<String> problems = new ArrayList<>();
        String purpose = strip(details.purpose());
        String data = strip(details.dataHeld());
        if (purpose.isEmpty()) {
            problems.add("Say what the service is for.");
        } else if (purpose.length() > CloudServices.MAX_TEXT) {
            problems.add("The purpose is " + purpose.length() + " characters long; at most " + CloudServices.MAX_TEXT + ".");
        }
        if (data.isEmpty()) {
            problems.add("Say what data it would hold (\"none\" if it holds none).");
        } else if (data.length() > CloudServices.MAX_TEXT) {
            problems.add("The data held is " + data.length() + " characters long; at most " + CloudServices.MAX_TEXT + ".");
        }
        return problems;
    }

    /**
     * The reason for a refusal as kept.
     *
     * @throws RegisterException for none, or one too long
     */
    static String refusalReason(String reason) {
        String why = strip(reason);
        if (why.isEmpty() || why.length() > CloudServices.MAX_TEXT) {
            throw RegisterException.of(why.isEmpty() ? "Give the reason for refusing, for the person who asked."
                    : "The reason is " + why.length() + " characters long; at most " + CloudServices.MAX_TEXT + ".");
        }
        return why;
    }

    /**
     * Refuses a service no longer waiting for a decision.
     *
     * @throws RegisterException (conflict) when it was approved or refused
     */
    static void checkWaiting(CloudService s) {
        if (s.status() != CloudService.Status.REQUESTED) {
            throw RegisterException.conflict(s.name() + " is no longer waiting for approval: it was "
                    + s.status().label().toLowerCase(Locale.ROOT) + " on " + SchoolTime.when(s.decidedAt()) + ".");
        }
    }

    /**
     * Refuses {@code actor}'s approval of {@code s} as {@code approver}.
     *
     * @throws RegisterException (conflict) when this approver has already approved it, or the actor approved
     *                           it as the other approver
     */
    static void checkApproval(CloudService s, Approver approver, String actor) {
        String mine = mine(s, approver);
        if (mine != null) {
            throw RegisterException.conflict(s.name() + " is already approved by " + approver.label() + " (" + mine
                    + "); it now needs the other approval.");
        }
        if (actor.equals(theirs(s, approver))) {
            throw RegisterException.conflict("You have already approved " + s.name() + " once: the ICT manager and a "
                    + "senior leader must be two different people.");
        }
    }

    /** Who approved {@code s} as {@code approver}, or null. */
    private static String mine(CloudService s, Approver approver) {
        return approver == Approver.ICT ? s.ictApprovedBy() : s.seniorApprovedBy();
    }

    /** Who approved {@code s} as the other approver, or null. */
    static String theirs(CloudService s, Approver approver) {
        return approver == Approver.ICT ? s.seniorApprovedBy() : s.ictApprovedBy();
    }

    /** Who decided a service both have approved, the ICT manager first: "ict and senior". */
    static String decidedBy(Approver approver, String actor, String theirs) {
        return approver == Approver.ICT ? actor + " and " + theirs : theirs + " and " + actor;
    }

    /** Why a service of a name already on the list is not asked for again. */
    static String duplicate(CloudService s) {
        return switch (s.status()) {
            case APPROVED -> s.name() + " is already approved: you may use it.";
            case REQUESTED -> s.name() + " has already been asked for and is waiting for approval.";
            case REFUSED -> s.name() + " was refused on " + SchoolTime.when(s.decidedAt()) + ": " + s.refusalReason();
        };
    }

    /** The name two spellings of one service share: stripped, inner spaces single, lower case. */
    static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Everything wrong with a licence as typed; empty when it can be kept. */
    static List<String> licenceProblems(SoftwareLicences.Form form) {
        List<String> problems = new ArrayList<>();
        required(problems, form.product(), "the product", "The product name");
        required(problems, form.reference(), "the licence number, order or agreement that proves the licence",
                "The reference");
        if (strip(form.supplier()).length() > SoftwareLicences.MAX_TEXT) {
            problems.add("The supplier is longer than " + SoftwareLicences.MAX_TEXT + " characters.");
        }
        if (form.seats() != null && form.seats() < 1) {
            problems.add("Seats must be at least 1, or blank.");
        }
        return problems;
    }

    private static void required(List<String> problems, String value, String what, String name) {
        String text = strip(value);
        if (text.isEmpty()) {
            problems.add("Give " + what + ".");
        } else if (text.length() > SoftwareLicences.MAX_TEXT) {
            problems.add(name + " is longer than " + SoftwareLicences.MAX_TEXT + " characters.");
        }
    }

    /** Text as kept: stripped, empty for none. */
    static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
