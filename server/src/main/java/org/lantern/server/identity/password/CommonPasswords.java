package org.lantern.server.identity.password;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.nulabinc.zxcvbn.StandardDictionaries;

/**
 * The blocklist of common and breached passwords, held in memory and available offline. It is the
 * "passwords" frequency list shipped inside zxcvbn4j (about 30,000 entries gathered from real
 * breaches), so nothing is fetched at run time and no list is copied into this project.
 * Matching ignores case and also tries the password with trailing digits and symbols removed, since
 * "Password1!" is "password" with the decoration composition rules push people to add.
 */
public final class CommonPasswords {

    private static final Pattern TRAILING_DECORATION = Pattern.compile("[^\\p{L}]+$");

    private final Set<String> entries;

    private CommonPasswords(Set<String> entries) {
        this.entries = Set.copyOf(entries);
    }

    /** Loads the list shipped with zxcvbn4j. */
    public static CommonPasswords fromZxcvbn() {
        try {
            Set<String> loaded = new HashSet<>();
            for (String entry : StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies()) {
                loaded.add(entry.toLowerCase(Locale.ROOT));
            }
            return new CommonPasswords(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the common-password list from zxcvbn4j", e);
        }
    }

    /** How many distinct passwords the list holds. */
    public int size() {
        return entries.size();
    }

    /** Whether {@code candidate}, ignoring case and trailing digits or symbols, is on the list. */
    public boolean contains(String candidate) {
        String lowered = candidate.toLowerCase(Locale.ROOT);
        if (entries.contains(lowered)) {
            return true;
        }
        String stripped = TRAILING_DECORATION.matcher(lowered).replaceFirst("");
        return !stripped.isEmpty() && entries.contains(stripped);
    }
}
