package org.lantern.monitor.library;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a risk phrase is about: the UK Safer Internet Centre's list of what appropriate monitoring
 * must catch, with the ids libraries and alerts use. {@link #ILLEGAL} is child-abuse material,
 * handled as illegal content and never shown in full.
 */
public enum Category {
    SUICIDE("suicide"),
    SELF_HARM("self-harm"),
    EATING_DISORDER("eating-disorder"),
    BULLYING("bullying"),
    /** Child sexual exploitation, sextortion and intimate-image abuse. */
    GROOMING("grooming"),
    COERCIVE_CONTROL("coercive-control"),
    EXTREMISM("extremism"),
    /** Discrimination. */
    HATE("hate"),
    DRUGS("drugs"),
    /** Weapons and violence. */
    WEAPONS("weapons"),
    PORNOGRAPHY("pornography"),
    GAMBLING("gambling"),
    ILLEGAL("illegal");

    private final String id;

    Category(String id) {
        this.id = id;
    }

    /** @return the id libraries and alerts use, such as {@code self-harm} */
    public String id() {
        return id;
    }

    /**
     * @param id an id as written in a library
     * @return the category, if the id names one
     */
    public static Optional<Category> ofId(String id) {
        for (Category category : values()) {
            if (category.id.equals(id)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }

    /** @return every id, comma-separated, for an error message */
    public static String ids() {
        return Arrays.stream(values()).map(Category::id).collect(Collectors.joining(", "));
    }
}
