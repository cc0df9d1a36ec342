package org.lantern.server.registers.agreements;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On start, gives every audience without an agreement Lantern's own first version (from
 * {@code agreements/<audience>.txt}: a title line, a blank line, the text), written from the
 * seed policies' acceptable-use promises and, for pupils, in words for their age; the DSL,
 * headteacher or administrator then edits it. An audience that has a version is left alone.
 * Runs after the policy is in force and before the demo school signs its agreements.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AgreementBootstrap implements ApplicationRunner {

    static final String ACTOR = "system";

    private final AgreementTexts texts;

    AgreementBootstrap(AgreementTexts texts) {
        this.texts = texts;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Audience audience : Audience.values()) {
            if (texts.inForce(audience).isEmpty()) {
                String seed = seed(audience);
                int split = seed.indexOf("\n\n");
                texts.publish(audience, seed.substring(0, split).strip(), seed.substring(split).strip(), ChangeKind.FIRST,
                        "Lantern's starting text, for the school to adapt.", ACTOR);
            }
        }
    }

    static String seed(Audience audience) {
        String name = "/agreements/" + audience.name().toLowerCase(Locale.ROOT) + ".txt";
        try (InputStream in = AgreementBootstrap.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the seed agreement " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
