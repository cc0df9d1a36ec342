package org.lantern.server.registers.devices;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lantern.server.identity.AccountService;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.springframework.stereotype.Component;

/**
 * The leaver checklist (seed 002: apps "not accessible to pupils ... once they leave the school
 * roll"): everyone whose leaving date falls in the weeks around today, with the school devices they
 * still have, their registered personal devices, and their accounts (Lantern sign-in, internet
 * access, network identities), so that each is collected or closed. The leaving date itself comes
 * from the MIS import; on that day Lantern removes internet access and disables the account.
 */
@Component
public class LeaverChecklist {

    /** How far either side of today a leaving date puts a person on the checklist. */
    static final int WINDOW_DAYS = 42;

    private final People people;
    private final Loans loans;
    private final PersonalDevices personal;
    private final AccountService accounts;

    LeaverChecklist(People people, Loans loans, PersonalDevices personal, AccountService accounts) {
        this.people = people;
        this.loans = loans;
        this.personal = personal;
        this.accounts = accounts;
    }

    /**
     * One leaver's checklist.
     *
     * @param person          the leaver
     * @param loans           loans of school devices still out
     * @param personalDevices personal devices still registered
     * @param account         their Lantern account's username, or null
     * @param accountEnabled  whether that account can still sign in
     * @param identities      their network identities (user names, devices) the filter knows them by
     */
    public record Entry(Person person, List<Loan> loans, List<PersonalDevice> personalDevices, String account,
                        boolean accountEnabled, int identities) {

        /** Whether nothing is left to collect or close. */
        public boolean clear() {
            return loans.isEmpty() && personalDevices.isEmpty() && !accountEnabled && !person.internetAccess();
        }
    }

    /** The checklist for leavers within {@link #WINDOW_DAYS} of {@code today}, soonest leaving first. */
    public List<Entry> around(LocalDate today) {
        Map<Long, AccountService.AccountSummary> byId = accounts.list().stream()
                .collect(Collectors.toMap(AccountService.AccountSummary::id, Function.identity()));
        return people.list(null).stream()
                .filter(p -> p.leavingDate() != null && !p.leavingDate().isBefore(today.minusDays(WINDOW_DAYS))
                        && !p.leavingDate().isAfter(today.plusDays(WINDOW_DAYS)))
                .sorted(Comparator.comparing(Person::leavingDate).thenComparing(Person::legalLastName))
                .map(p -> {
                    AccountService.AccountSummary account = p.accountId() == null ? null : byId.get(p.accountId());
                    return new Entry(p, loans.ofPerson(p.id()).stream().filter(Loan::open).toList(),
                            personal.ofPerson(p.id()).stream().filter(d -> d.removedAt() == null).toList(),
                            account == null ? null : account.username(), account != null && account.enabled(),
                            p.networkIdentities().size());
                })
                .toList();
    }
}
