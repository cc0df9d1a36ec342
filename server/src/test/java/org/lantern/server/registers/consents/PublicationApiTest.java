package org.lantern.server.registers.consents;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.ApiTokenService;
import org.lantern.server.identity.Role;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Changing a publication through the API with an API token (H2 and PostgreSQL): its details and
 * pupils are replaced and audited, a new owner takes over its open takedown tasks, and a change
 * that names a pupil who may not appear, or is otherwise wrong, is refused with nothing changed.
 */
@PersistenceTest
@AutoConfigureMockMvc
class PublicationApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    Consents consents;
    @Autowired
    Publications publications;
    @Autowired
    Takedowns takedowns;
    @Autowired
    JdbcClient jdbc;

    private final LocalDate today = SchoolTime.today();

    private String office() {
        return TestUsers.bearer(accountService, accounts, tokens, "pubapi.office", Role.OFFICE);
    }

    private String owner() {
        String name = TestPeople.unique("pubowner.");
        accountService.create(name, "Owner", Role.OFFICE, "owner password 1", "test");
        return name;
    }

    /** A pupil with consent for the website given a month ago. */
    private long consenting() {
        long pupil = TestPeople.pupil(jdbc, "Pub", TestPeople.unique("Api"));
        consents.record(pupil, new ConsentForm(PhotoUse.WEBSITE, true, "Grace Parent", null, today.minusDays(30), null),
                null, null, "office", Consents.Mode.CREATE);
        return pupil;
    }

    private Publication gallery(String owner, long... pupils) {
        return publications.record(new Publications.Draft(PhotoUse.WEBSITE, "Sports day", "https://school.example/a",
                today.minusDays(10), owner, Set.copyOf(Arrays.stream(pupils).boxed().toList())),
                "office");
    }

    private static String body(String use, String title, LocalDate on, String owner, List<Long> pupils) {
        return "{\"use\":\"" + use + "\",\"title\":\"" + title + "\",\"location\":\"https://school.example/b\","
                + "\"publishedOn\":\"" + on + "\",\"owner\":\"" + owner + "\",\"pupilIds\":" + pupils + "}";
    }

    @Test
    void aChangeReplacesThePublicationMovesItsOpenTakedownsToTheNewOwnerAndIsAudited() throws Exception {
        String first = owner();
        String second = owner();
        long ada = consenting();
        long bea = consenting();
        long cal = consenting();
        Publication p = gallery(first, ada, bea);
        List<TakedownTask> tasks = consents.withdraw(bea, Set.of(PhotoUse.WEBSITE), today, "Grace Parent", "office");
        assertThat(tasks).singleElement().extracting(TakedownTask::owner).isEqualTo(first);

        // Bea stays in it though she may no longer appear: the use and date are unchanged, and her takedown is open.
        mvc.perform(put("/api/v1/registers/consents/publications/" + p.id()).header("Authorization", office())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("WEBSITE", "Sports day 2026", p.publishedOn(), second, List.of(bea, cal))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.title").value("Sports day 2026"))
                .andExpect(jsonPath("$.owner").value(second))
                .andExpect(jsonPath("$.location").value("https://school.example/b"))
                .andExpect(jsonPath("$.pupils.length()").value(2));

        assertThat(publications.get(p.id()).pupils()).extracting(Publication.Appearing::personId)
                .containsExactlyInAnyOrder(bea, cal);
        assertThat(takedowns.of(bea)).singleElement().extracting(TakedownTask::owner).isEqualTo(second);
        assertThat(jdbc.sql("SELECT detail FROM audit_chain WHERE record_type = 'publication' AND record_id = :id "
                        + "AND action = 'publication.changed'").param("id", Long.toString(p.id()))
                .query(String.class).single())
                .contains("\"pupilsAdded\":[" + cal + "]", "\"pupilsRemoved\":[" + ada + "]",
                        "\"takedownsReassigned\":1");
        mvc.perform(get("/api/v1/registers/consents/publications").header("Authorization", office()))
                .andExpect(jsonPath("$.publications[?(@.id == " + p.id() + ")].title").value("Sports day 2026"));
    }

    @Test
    void aPupilTakenOutOfThePublicationHasTheirOpenTakedownDone() throws Exception {
        String owner = owner();
        long ada = consenting();
        long bea = consenting();
        Publication p = gallery(owner, ada, bea);
        consents.withdraw(bea, Set.of(PhotoUse.WEBSITE), today, "Grace Parent", "office");

        mvc.perform(put("/api/v1/registers/consents/publications/" + p.id()).header("Authorization", office())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("WEBSITE", "Sports day", p.publishedOn(), owner, List.of(ada))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.pupils.length()").value(1));

        assertThat(takedowns.of(bea)).singleElement().satisfies(t -> {
            assertThat(t.doneAt()).isNotNull();
            assertThat(t.doneBy()).isEqualTo("pubapi.office");
            assertThat(t.doneNote()).isEqualTo("Taken out of the publication when its record was changed.");
        });
        assertThat(jdbc.sql("SELECT detail FROM audit_chain WHERE record_type = 'publication' AND record_id = :id "
                        + "AND action = 'publication.changed'").param("id", Long.toString(p.id()))
                .query(String.class).single()).contains("\"pupilsRemoved\":[" + bea + "]", "\"takedownsDone\":1");
    }

    static Stream<Arguments> badChanges() {
        return Stream.of(
                Arguments.of("a pupil added who may not appear", "WEBSITE", 10, "NEWCOMER", "may not appear in"),
                Arguments.of("a use every pupil in it lacks consent for", "PRESS", 10, "KEPT", "may not appear in"),
                Arguments.of("a date in the future", "WEBSITE", -3, "KEPT", "is in the future"),
                Arguments.of("no pupils", "WEBSITE", 10, "NOBODY", "Choose the pupils who appear in it."),
                Arguments.of("no use", "NONE", 10, "KEPT", "Choose where it was published: the use."),
                Arguments.of("an owner with no account", "WEBSITE", 10, "KEPT", "There is no account 'no.such.owner'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badChanges")
    void aBadChangeIsRefusedWithItsReasonAndChangesNothing(String what, String use, int daysAgo, String pupils,
                                                           String problem) throws Exception {
        String owner = owner();
        long ada = consenting();
        long newcomer = TestPeople.pupil(jdbc, "No", TestPeople.unique("Consent"));
        Publication p = gallery(owner, ada);
        List<Long> ids = switch (pupils) {
            case "NEWCOMER" -> List.of(ada, newcomer);
            case "NOBODY" -> List.of();
            default -> List.of(ada);
        };
        long audited = jdbc.sql("SELECT COUNT(*) FROM audit_chain").query(Long.class).single();

        mvc.perform(put("/api/v1/registers/consents/publications/" + p.id()).header("Authorization", office())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(use, "Changed", today.minusDays(daysAgo),
                                what.startsWith("an owner") ? "no.such.owner" : owner, ids)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[*]", hasItem(containsString(problem))));

        assertThat(publications.get(p.id())).isEqualTo(p);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_chain").query(Long.class).single()).isEqualTo(audited);
    }

    @Test
    void aMissingPublicationIsNotFoundAndOnlyThoseWhoRecordConsentsMayChangeOne() throws Exception {
        long ada = consenting();
        String body = body("WEBSITE", "Changed", today, owner(), List.of(ada));
        mvc.perform(put("/api/v1/registers/consents/publications/999999999").header("Authorization", office())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value("There is no publication 999999999."));
        mvc.perform(put("/api/v1/registers/consents/publications/999999999")
                        .header("Authorization", TestUsers.bearer(accountService, accounts, tokens, "pubapi.staff",
                                Role.STAFF))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
    }
}
