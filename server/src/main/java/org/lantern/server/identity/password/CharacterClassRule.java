package org.lantern.server.identity.password;

import java.util.Optional;
import java.util.function.IntPredicate;

/** A password must contain at least one character of a given kind (a composition rule). */
final class CharacterClassRule implements PasswordRule {

    /** The kinds of character a composition rule can ask for. */
    enum CharacterClass {
        CAPITAL("capital", "a capital letter", Character::isUpperCase),
        LOWER("lower", "a lower-case letter", Character::isLowerCase),
        NUMERAL("numeral", "a numeral (0-9)", Character::isDigit),
        SYMBOL("symbol", "a symbol such as ! or #", cp -> !Character.isLetterOrDigit(cp) && !Character.isWhitespace(cp));

        private final String id;
        private final String phrase;
        private final IntPredicate test;

        CharacterClass(String id, String phrase, IntPredicate test) {
            this.id = id;
            this.phrase = phrase;
            this.test = test;
        }
    }

    private final CharacterClass required;
    private final String basis;

    CharacterClassRule(CharacterClass required, String basis) {
        this.required = required;
        this.basis = basis;
    }

    @Override
    public String id() {
        return "character-class-" + required.id;
    }

    @Override
    public String describe() {
        return "At least one " + required.phrase.substring(2);
    }

    @Override
    public Optional<Violation> check(String candidate, PasswordContext context) {
        if (candidate.codePoints().anyMatch(required.test)) {
            return Optional.empty();
        }
        return Optional.of(new Violation(id(), "Must contain at least " + required.phrase + " (" + basis + ")"));
    }
}
