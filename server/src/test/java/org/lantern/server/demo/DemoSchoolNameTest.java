package org.lantern.server.demo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.policy.PolicyParser;
import org.lantern.policy.Presets;
import org.lantern.server.LanternProperties;
import org.lantern.server.policy.PolicyService;
import org.lantern.server.policy.PolicyVersion;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A demo data directory whose policy still names the preset's real school is renamed on start. The
 * renamer is made here rather than injected: demo beans exist only in demo mode.
 */
@PersistenceTest
class DemoSchoolNameTest {

    @Autowired
    PolicyService policies;
    DemoSchoolName schoolName;

    @BeforeEach
    void makeTheRenamer() {
        schoolName = new DemoSchoolName(policies);
    }

    @Test
    void aPolicyStillNamedAfterThePresetsRealSchoolIsRenamedByTheDemoWithAReason() {
        int old = policies.propose(Presets.yaml("astley-park"), "system", "as an earlier demo left it").number();

        schoolName.renameIfReal();

        PolicyVersion renamed = policies.current().orElseThrow();
        assertThat(renamed.number()).isEqualTo(old + 1);
        assertThat(policies.currentDocument().school().name()).isEqualTo(LanternProperties.DEMO_SCHOOL_NAME);
        assertThat(renamed.author()).isEqualTo(DemoSchoolLoader.ACTOR);
        assertThat(renamed.reason()).isEqualTo(DemoSchoolName.REASON);
    }

    @Test
    void aNameTheDemoUserGaveTheSchoolIsKept() {
        PolicyVersion named = policies.propose(PolicyParser.withSchoolName(Presets.yaml("astley-park"), "Puddlecombe Academy"),
                "head", "Our own name");

        schoolName.renameIfReal();

        assertThat(policies.current()).contains(named);
    }
}
