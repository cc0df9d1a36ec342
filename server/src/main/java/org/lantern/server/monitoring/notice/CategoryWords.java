package org.lantern.server.monitoring.notice;

import org.lantern.monitor.library.Category;

/**
 * Each category the monitor looks for, in words a pupil can read: what it is about, never a phrase
 * of the libraries (a list of what is looked for would be a list of how to avoid it) and never an
 * illegal term.
 */
final class CategoryWords {

    private CategoryWords() {
    }

    /** The category's name, e.g. "Self-harm". */
    static String name(Category category) {
        return switch (category) {
            case SUICIDE -> "Suicide";
            case SELF_HARM -> "Self-harm";
            case EATING_DISORDER -> "Eating disorders";
            case BULLYING -> "Bullying";
            case GROOMING -> "Grooming and sexual exploitation";
            case COERCIVE_CONTROL -> "Controlling relationships";
            case EXTREMISM -> "Extremism and radicalisation";
            case HATE -> "Hate and discrimination";
            case DRUGS -> "Drugs and alcohol";
            case WEAPONS -> "Weapons and violence";
            case PORNOGRAPHY -> "Pornography";
            case GAMBLING -> "Gambling";
            case ILLEGAL -> "Child sexual abuse material";
        };
    }

    /** What it covers, in a sentence. */
    static String description(Category category) {
        return switch (category) {
            case SUICIDE -> "Words that suggest someone may be thinking about ending their life.";
            case SELF_HARM -> "Words about hurting yourself on purpose.";
            case EATING_DISORDER -> "Words about not eating, making yourself sick or harmful dieting.";
            case BULLYING -> "Words that threaten, insult or shut someone out, online or in school.";
            case GROOMING -> "An adult or older person trying to get close to a young person to abuse them, "
                    + "asking for or threatening to share nude pictures, or pressure to meet up in secret.";
            case COERCIVE_CONTROL -> "Someone controlling who a person sees, what they do or wear, or checking their phone.";
            case EXTREMISM -> "Support for terrorism or violent extremist groups.";
            case HATE -> "Threats or calls for violence against people because of who they are. Words about "
                    + "who you are (your sexuality, gender, religion or ethnicity) never raise an alert on their own.";
            case DRUGS -> "Buying, making or taking illegal drugs.";
            case WEAPONS -> "Getting or using knives, guns or other weapons, or planning to hurt someone.";
            case PORNOGRAPHY -> "Searching for sexual content.";
            case GAMBLING -> "Betting and gambling sites.";
            case ILLEGAL -> "Searches for images of children being sexually abused, which are illegal. These are "
                    + "handled as illegal content and never shown in full, even to the school's staff.";
        };
    }
}
