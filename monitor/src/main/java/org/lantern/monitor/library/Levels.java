package org.lantern.monitor.library;

import java.util.Arrays;

/**
 * A phrase's risk level, 1 (note it) to 5 (act now), with optional overrides per age band; an
 * override of 0 means the phrase is no concern for that band. Immutable.
 */
public final class Levels {

    /** Highest risk level. */
    public static final int MAX = 5;

    private final int level;
    /** Override per {@link AgeBand#ordinal()}, -1 where the default applies. */
    private final int[] byBand;

    private Levels(int level, int[] byBand) {
        this.level = level;
        this.byBand = byBand;
    }

    /**
     * @param level 0 to {@value #MAX}; 0 only for terms that never alert themselves
     * @return the same level for every band
     */
    public static Levels of(int level) {
        int[] none = new int[AgeBand.values().length];
        Arrays.fill(none, -1);
        return new Levels(check(level), none);
    }

    /**
     * @param band  the band whose level differs
     * @param level 0 (no concern for this band) to {@value #MAX}
     * @return these levels with {@code band}'s set to {@code level}
     */
    public Levels with(AgeBand band, int level) {
        int[] copy = byBand.clone();
        copy[band.ordinal()] = check(level);
        return new Levels(this.level, copy);
    }

    /** @return the level for bands without an override */
    public int level() {
        return level;
    }

    /**
     * @param band the writer's age band
     * @return the level for that band
     */
    public int level(AgeBand band) {
        int override = byBand[band.ordinal()];
        return override < 0 ? level : override;
    }

    private static int check(int level) {
        if (level < 0 || level > MAX) {
            throw new IllegalArgumentException("risk level must be 0 to " + MAX + ": " + level);
        }
        return level;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Levels other && level == other.level && Arrays.equals(byBand, other.byBand);
    }

    @Override
    public int hashCode() {
        return 31 * level + Arrays.hashCode(byBand);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(level);
        for (AgeBand band : AgeBand.values()) {
            if (byBand[band.ordinal()] >= 0) {
                s.append(' ').append(band.id()).append('=').append(byBand[band.ordinal()]);
            }
        }
        return s.toString();
    }
}
