package org.lantern.server.registers.review;

import java.util.ArrayList;
import java.util.List;

/**
 * The school's answers to what the DfE filtering and monitoring standards ask a review to consider,
 * in its own words: how filtering and monitoring suit pupils with special educational needs and
 * disabilities and those learning English as an additional language, how generative AI tools are
 * handled, and how personal devices (BYOD) are covered; and the actions the review agreed.
 *
 * @param send    pupils with SEND
 * @param eal     pupils with English as an additional language
 * @param aiTools generative AI tools
 * @param byod    personal devices
 * @param actions what the review agreed to do
 */
public record ReviewAnswers(String send, String eal, String aiTools, String byod, String actions) {

    static final int MAX_ANSWER = 4000;

    /** The answers of the first review, before anyone has written any. */
    static final ReviewAnswers NONE = new ReviewAnswers("", "", "", "", "");

    /** Trims every answer; a missing one is empty. */
    public ReviewAnswers {
        send = clean(send);
        eal = clean(eal);
        aiTools = clean(aiTools);
        byod = clean(byod);
        actions = clean(actions);
    }

    /** @return these answers where given, the earlier review's where left blank, so a new review starts from the last */
    ReviewAnswers over(ReviewAnswers earlier) {
        return new ReviewAnswers(or(send, earlier.send), or(eal, earlier.eal), or(aiTools, earlier.aiTools),
                or(byod, earlier.byod), or(actions, earlier.actions));
    }

    /** @return every reason these answers cannot be kept, empty when they can */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        check(problems, "SEND", send);
        check(problems, "EAL", eal);
        check(problems, "AI tools", aiTools);
        check(problems, "BYOD", byod);
        check(problems, "actions", actions);
        return problems;
    }

    /** @return the questions a signature needs answered that are still blank */
    List<String> unanswered() {
        List<String> blank = new ArrayList<>();
        if (send.isEmpty()) {
            blank.add("SEND");
        }
        if (eal.isEmpty()) {
            blank.add("EAL");
        }
        if (aiTools.isEmpty()) {
            blank.add("AI tools");
        }
        if (byod.isEmpty()) {
            blank.add("BYOD");
        }
        return blank;
    }

    private static void check(List<String> problems, String name, String answer) {
        if (answer.length() > MAX_ANSWER) {
            problems.add("The answer on " + name + " is " + answer.length() + " characters long; at most "
                    + MAX_ANSWER + ".");
        }
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    private static String or(String given, String earlier) {
        return given.isEmpty() ? earlier : given;
    }
}
