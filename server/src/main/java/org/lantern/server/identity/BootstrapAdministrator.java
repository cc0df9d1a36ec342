package org.lantern.server.identity;

import java.io.PrintStream;
import java.util.List;

import org.lantern.server.ConsoleNotice;
import org.lantern.server.LanternProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On first start (no account at all) creates the administrator {@code admin} with a random
 * one-time password, printed once to the console, so a new installation has no default password
 * anyone could look up. The password must be changed at first logon. Only in production mode (tests
 * make their own accounts; the demo school brings its own administrator) and unless
 * {@code lantern.bootstrap.enabled=false}.
 */
@Component
class BootstrapAdministrator implements ApplicationRunner {

    static final String USERNAME = "admin";

    private final AccountStore store;
    private final AccountService accounts;
    private final LanternProperties lantern;
    private final boolean enabled;
    private final PrintStream console;

    @Autowired
    BootstrapAdministrator(AccountStore store, AccountService accounts, LanternProperties lantern,
                           @Value("${lantern.bootstrap.enabled:true}") boolean enabled) {
        this(store, accounts, lantern, enabled, System.out);
    }

    BootstrapAdministrator(AccountStore store, AccountService accounts, LanternProperties lantern, boolean enabled,
                           PrintStream console) {
        this.store = store;
        this.accounts = accounts;
        this.lantern = lantern;
        this.enabled = enabled;
        this.console = console;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || lantern.mode() != LanternProperties.Mode.PRODUCTION || store.count() > 0) {
            return;
        }
        AccountService.NewAccount admin = accounts.createWithTemporaryPassword(USERNAME, "Administrator", Role.ADMIN, "lantern");
        ConsoleNotice.print(console, List.of(
                "Lantern first start: administrator account created",
                "",
                "Username: " + USERNAME,
                "One-time password: " + admin.temporaryPassword(),
                "",
                "It is shown only this once. Sign in and change it now;",
                "you will also set up two-factor authentication."));
    }
}
