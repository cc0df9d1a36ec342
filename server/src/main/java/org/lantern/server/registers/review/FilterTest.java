package org.lantern.server.registers.review;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.lantern.filter.decision.Decision;
import org.lantern.filter.decision.DecisionRequest;
import org.lantern.filter.lists.FileReport;
import org.lantern.filter.lists.ListKind;
import org.lantern.filter.lists.SourceReport;
import org.lantern.filter.url.MalformedUrlException;
import org.lantern.policy.Category;
import org.lantern.server.filtering.FilterService;
import org.lantern.server.policy.PolicyService;
import org.springframework.stereotype.Service;

/**
 * The review's built-in filter test: for each category of the policy in force, one address taken
 * from the category lists loaded right now is put through the filter's own decision, as a device
 * nobody has signed in on would be, and the answer is shown with the rule and reason. A category
 * passes when the filter recognises the address as that category and blocks it; a category the
 * policy allows shows as allowed, and one with no loaded list says so, so a list that stopped
 * loading is caught at the review rather than by a pupil.
 */
@Service
public class FilterTest {

    private final FilterService filter;
    private final PolicyService policies;

    FilterTest(FilterService filter, PolicyService policies) {
        this.filter = filter;
        this.policies = policies;
    }

    /**
     * One category's check.
     *
     * @param category    the policy's category id
     * @param name        its name
     * @param address     the address tried, or null when no list of the category is loaded
     * @param blocked     whether the filter blocked it
     * @param recognised  whether the filter matched it to this category
     * @param rule        the rule that decided, or null when nothing was tried
     * @param reason      the filter's reason, or what stopped the check
     */
    public record Check(String category, String name, String address, boolean blocked, boolean recognised,
                        String rule, String reason) {

        /** @return whether the address was recognised as the category and blocked right now */
        public boolean passed() {
            return blocked && recognised;
        }
    }

    /** Runs the check for every category of the policy in force, in the policy's order. */
    public List<Check> run() {
        Instant now = Instant.now();
        List<Check> checks = new ArrayList<>();
        for (Category category : policies.currentDocument().categories()) {
            Optional<String> address = sample(category);
            if (address.isEmpty()) {
                checks.add(new Check(category.id(), category.name(), null, false, false, null,
                        "No list of this category is loaded, so nothing could be tried."));
                continue;
            }
            Decision d;
            try {
                d = filter.decide(DecisionRequest.of("http://" + address.get() + "/", "GET", null, null, now));
            } catch (MalformedUrlException e) {
                checks.add(new Check(category.id(), category.name(), address.get(), false, false, null,
                        "The list's first entry is not an address the filter can read: " + e.getMessage()));
                continue;
            }
            checks.add(new Check(category.id(), category.name(), address.get(), !d.allowed(),
                    category.id().equals(d.policyCategory()), d.rule().name(), d.reason()));
        }
        return checks;
    }

    /** The first domain of the first loaded domain list that implements the category. */
    private Optional<String> sample(Category category) {
        for (SourceReport source : filter.categoryListStatus().sources()) {
            for (FileReport file : source.files()) {
                if (file.kind() == ListKind.DOMAINS && file.accepted() > 0 && category.lists().contains(file.category())) {
                    Optional<String> first = firstEntry(file.file());
                    if (first.isPresent()) {
                        return first;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> firstEntry(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    return Optional.of(entry);
                }
            }
        } catch (IOException e) {
            // A list file gone since it was loaded gives no sample; the next file, or "no list", is the answer.
        }
        return Optional.empty();
    }
}
