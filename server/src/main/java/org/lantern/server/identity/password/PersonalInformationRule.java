package org.lantern.server.identity.password;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A password must not contain the username or any part of the person's name: these are the first
 * guesses of anyone who knows the person. Name parts shorter than 3 characters are ignored, since
 * initials such as "J" would otherwise forbid most passwords.
 */
final class PersonalInformationRule implements PasswordRule {

    private static final int SHORTEST_TOKEN = 3;
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final String basis;

    PersonalInformationRule(String basis) {
        this.basis = basis;
    }

    @Override
    public String id() {
        return "personal-information";
    }

    @Override
    public String describe() {
        return "Must not contain your username or your name";
    }

    @Override
    public Optional<Violation> check(String candidate, PasswordContext context) {
        String lowered = candidate.toLowerCase(Locale.ROOT);
        boolean personal = Stream.concat(
                        Stream.of(context.username()),
                        Stream.of(context.username(), context.displayName()).flatMap(SEPARATORS::splitAsStream))
                .map(token -> token.toLowerCase(Locale.ROOT))
                .filter(token -> token.length() >= SHORTEST_TOKEN)
                .anyMatch(lowered::contains);
        if (!personal) {
            return Optional.empty();
        }
        return Optional.of(new Violation(id(), "Must not contain your username or any part of your name (" + basis + ")"));
    }
}
