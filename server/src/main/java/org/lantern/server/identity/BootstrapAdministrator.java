package org.lantern.server.identity;

import java.io.PrintStream;

import org.lantern.server.LanternProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On first start (no account at all) creates the administrator {@code admin} with a random
 * one-time password, printed once to the console, so a new installation has no default password
 * anyone could look up. The password must be changed at first logon. Off in test mode (tests make
 * their own accounts) and when {@code lantern.bootstrap.enabled=false} (e.g. a demo loader).
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
        if (!enabled || lantern.mode() == LanternProperties.Mode.TEST || store.count() > 0) {
            return;
        }
        AccountService.NewAccount admin = accounts.createWithTemporaryPassword(USERNAME, "Administrator", Role.ADMIN, "lantern");
        String line = "+" + "-".repeat(62) + "+";
        console.println(line);
        console.println(String.format("| %-60s |", "Lantern first start: administrator account created"));
        console.println(String.format("| %-60s |", ""));
        console.println(String.format("| %-60s |", "Username: " + USERNAME));
        console.println(String.format("| %-60s |", "One-time password: " + admin.temporaryPassword()));
        console.println(String.format("| %-60s |", ""));
        console.println(String.format("| %-60s |", "It is shown only this once. Sign in and change it now;"));
        console.println(String.format("| %-60s |", "you will also set up two-factor authentication."));
        console.println(line);
        console.flush();
    }
}
