package org.lantern.server.registers.cloud;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.lantern.policy.Presets;
import org.lantern.server.registers.RegisterException;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cloud services and licences registers on the database (H2 and PostgreSQL), for a school
 * started from the prince-henrys preset: seed 003's list approved by the policy, a request that
 * needs both the ICT manager and a senior leader as two different people, refusals, duplicates,
 * and licences expiring soon.
 */
@PersistenceTest
@TestPropertySource(properties = "lantern.policy.preset=prince-henrys")
class CloudServicesTest {

    @Autowired
    CloudServices services;
    @Autowired
    SoftwareLicences licences;
    @Autowired
    JdbcClient jdbc;

    private CloudServices.Details details(String name) {
        return new CloudServices.Details(name, "Class discussion boards", "Pupils' first names and posts", false, true);
    }

    private long auditEntries(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_chain WHERE record_type = 'cloud-service' AND record_id = :id")
                .param("id", Long.toString(id)).query(Long.class).single();
    }

    @Test
    void thePrinceHenrysPresetListsSeed003sServicesAsApprovedByThePolicy() {
        assertThat(services.list(CloudService.Status.APPROVED)).extracting(CloudService::name)
                .containsAll(Presets.cloudServices("prince-henrys").stream().map(Presets.CloudService::name).toList());
        CloudService office = services.list(null).stream().filter(s -> s.name().equals("Microsoft Office 365"))
                .findFirst().orElseThrow();
        assertThat(office.decidedBy()).isEqualTo(CloudServices.POLICY);
        assertThat(office.purpose()).contains("NOT a normal outlook.com/hotmail.co.uk account");
    }

    @Test
    void aRequestIsApprovedOnlyOnceBothTheIctManagerAndASeniorLeaderHaveApprovedIt() {
        String name = TestPeople.unique("Padlet ");
        CloudService asked = services.request(details(name), "teacher");
        assertThat(asked.status()).isEqualTo(CloudService.Status.REQUESTED);

        CloudService half = services.approve(asked.id(), Approver.ICT, "netman");
        assertThat(half.status()).isEqualTo(CloudService.Status.REQUESTED);
        assertThat(half.ictApprovedBy()).isEqualTo("netman");
        assertThatThrownBy(() -> services.approve(asked.id(), Approver.ICT, "netman2"))
                .isInstanceOfSatisfying(RegisterException.class, e -> assertThat(e.conflict()).isTrue())
                .hasMessageContaining("already approved by the ICT manager (netman)");
        assertThatThrownBy(() -> services.approve(asked.id(), Approver.SENIOR, "netman"))
                .hasMessageContaining("two different people");

        CloudService approved = services.approve(asked.id(), Approver.SENIOR, "head");
        assertThat(approved.status()).isEqualTo(CloudService.Status.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("netman and head");
        assertThat(approved.decidedAt()).isNotNull();
        assertThat(auditEntries(asked.id())).isEqualTo(3);
        assertThatThrownBy(() -> services.refuse(asked.id(), Approver.SENIOR, "changed my mind", "head"))
                .hasMessageContaining("no longer waiting for approval");
    }

    @Test
    void aRefusalNeedsAReasonAndTheServiceCannotBeAskedForAgain() {
        String name = TestPeople.unique("TikTok ");
        CloudService asked = services.request(details(name), "teacher");
        assertThatThrownBy(() -> services.refuse(asked.id(), Approver.SENIOR, " ", "head"))
                .hasMessageContaining("Give the reason");
        CloudService refused = services.refuse(asked.id(), Approver.SENIOR, "Age rating 13+", "head");
        assertThat(refused.status()).isEqualTo(CloudService.Status.REFUSED);
        assertThatThrownBy(() -> services.request(details("  " + name.toUpperCase() + " "), "other"))
                .isInstanceOfSatisfying(RegisterException.class, e -> assertThat(e.conflict()).isTrue())
                .hasMessageContaining("was refused").hasMessageContaining("Age rating 13+");
        assertThatThrownBy(() -> services.request(details("Showbie"), "other"))
                .hasMessageContaining("is already approved");
    }

    @Test
    void aRequestWithoutItsDetailsIsRefusedWithEveryReason() {
        assertThatThrownBy(() -> services.request(new CloudServices.Details(" ", "", null, false, false), "teacher"))
                .isInstanceOfSatisfying(RegisterException.class, e -> assertThat(e.problems()).containsExactly(
                        "Give the service's name.", "Say what the service is for.",
                        "Say what data it would hold (\"none\" if it holds none)."));
    }

    @Test
    void licencesExpiringWithinSixtyDaysAreDueSoon() {
        LocalDate today = LocalDate.of(2026, 12, 7);
        String tag = TestPeople.unique("");
        SoftwareLicence soon = licences.create(new SoftwareLicences.Form("Office " + tag, "Microsoft", "EA-1", 120,
                today.plusDays(60)), "office");
        SoftwareLicence later = licences.create(new SoftwareLicences.Form("Adobe " + tag, "", "ORD-2", null,
                today.plusDays(61)), "office");
        SoftwareLicence perpetual = licences.create(new SoftwareLicences.Form("Audacity " + tag, "", "GPL", null, null),
                "office");

        assertThat(licences.dueSoon(today)).extracting(SoftwareLicence::id).contains(soon.id())
                .doesNotContain(later.id(), perpetual.id());
        assertThat(licences.update(soon.id(), new SoftwareLicences.Form("Office " + tag, "Microsoft", "EA-2", 120,
                today.plusYears(1)), "office").expiresOn()).isEqualTo(today.plusYears(1));
        assertThatThrownBy(() -> licences.create(new SoftwareLicences.Form("", "", "", 0, null), "office"))
                .isInstanceOfSatisfying(RegisterException.class, e -> assertThat(e.problems()).hasSize(3));
    }
}
