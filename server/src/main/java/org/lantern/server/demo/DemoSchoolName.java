package org.lantern.server.demo;

import java.util.Set;
import java.util.stream.Collectors;

import org.lantern.policy.PolicyParser;
import org.lantern.policy.Presets;
import org.lantern.server.LanternProperties;
import org.lantern.server.policy.PolicyService;
import org.lantern.server.policy.PolicyVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Keeps the demo school under its made-up name. A demo data directory made before the demo had
 * one holds a policy named after the real school whose published policy the preset reproduces,
 * and the demo's made-up safeguarding records must never be shown under a real school's name. So
 * such a policy is renamed, as a new version with the demo as its author and a reason, like any
 * change to the policy. A name given in the policy editor is the demo user's choice and is kept.
 */
@Component
@ConditionalOnProperty(name = "lantern.mode", havingValue = "demo")
class DemoSchoolName {

    static final String REASON = "The demo school's records are made up, so it goes by a made-up name, "
            + "not that of the school whose published policy the preset reproduces.";
    private static final Set<String> PRESET_SCHOOLS = Presets.names().stream()
            .map(preset -> PolicyParser.parse(Presets.yaml(preset)).school().name())
            .collect(Collectors.toUnmodifiableSet());
    private static final Logger LOG = LoggerFactory.getLogger(DemoSchoolName.class);

    private final PolicyService policies;

    DemoSchoolName(PolicyService policies) {
        this.policies = policies;
    }

    /** Renames the school to {@link LanternProperties#DEMO_SCHOOL_NAME} if the policy in force names a preset's real school. */
    void renameIfReal() {
        PolicyVersion current = policies.current().orElseThrow();
        String name = PolicyParser.parse(current.yaml()).school().name();
        if (!PRESET_SCHOOLS.contains(name)) {
            return;
        }
        PolicyVersion renamed = policies.propose(PolicyParser.withSchoolName(current.yaml(), LanternProperties.DEMO_SCHOOL_NAME),
                DemoSchoolLoader.ACTOR, REASON);
        LOG.info("The demo school's policy named a real school, {}; version {} names it {}", name, renamed.number(),
                LanternProperties.DEMO_SCHOOL_NAME);
    }
}
