package org.lantern.server.identity;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.lantern.server.LanternProperties;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

@PersistenceTest
class BootstrapAdministratorTest {

    @Autowired
    AccountStore store;
    @Autowired
    AccountService accounts;
    @Autowired
    PasswordEncoder encoder;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private BootstrapAdministrator bootstrap(LanternProperties.Mode mode, boolean enabled) {
        return new BootstrapAdministrator(store, accounts, new LanternProperties(mode, Path.of("data"), null), enabled,
                new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void testModeCreatesNoAccount() {
        long before = store.count();

        bootstrap(LanternProperties.Mode.TEST, true).run(new DefaultApplicationArguments());

        assertThat(store.count()).isEqualTo(before);
        assertThat(printed()).isEmpty();
    }

    @Test
    void firstStartCreatesAnAdministratorWhosePrintedPasswordWorksOnceAndMustBeChanged() {
        bootstrap(LanternProperties.Mode.PRODUCTION, true).run(new DefaultApplicationArguments());

        Matcher password = Pattern.compile("One-time password: (\\S+)").matcher(printed());
        assertThat(password.find()).isTrue();
        assertThat(password.group(1)).hasSizeGreaterThanOrEqualTo(16);
        AccountStore.StoredAccount admin = store.findByUsername("admin").orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.mustChangePassword()).isTrue();
        assertThat(encoder.matches(password.group(1), admin.passwordHash())).isTrue();

        bootstrap(LanternProperties.Mode.PRODUCTION, true).run(new DefaultApplicationArguments());
        assertThat(printed().split("One-time password").length).isEqualTo(2);
    }

    @Test
    void demoModeLeavesTheAdministratorToTheDemoSchool() {
        long before = store.count();

        bootstrap(LanternProperties.Mode.DEMO, true).run(new DefaultApplicationArguments());

        assertThat(store.count()).isEqualTo(before);
        assertThat(printed()).isEmpty();
    }

    @Test
    void disabledBootstrapCreatesNoAccount() {
        long before = store.count();

        bootstrap(LanternProperties.Mode.PRODUCTION, false).run(new DefaultApplicationArguments());

        assertThat(store.count()).isEqualTo(before);
        assertThat(printed()).isEmpty();
    }
}
