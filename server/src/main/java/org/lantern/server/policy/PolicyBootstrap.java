package org.lantern.server.policy;

import org.lantern.policy.PolicyParser;
import org.lantern.policy.Presets;
import org.lantern.server.LanternProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start, puts the preset named by {@code lantern.policy.preset} (default
 * {@code astley-park}) in force as version 1, so that a new school is never without a policy.
 * It runs before any other start-up work, since some of it (the demo school's records) takes its
 * incident categories and actions from the policy's tables.
 *
 * <p>A preset carries the name of the real school whose policy it reproduces, which is not the
 * new school's: the demo school starts under its made-up name
 * ({@link LanternProperties#DEMO_SCHOOL_NAME}), any other under {@value #PLACEHOLDER_NAME} until
 * it gives its own name in the policy editor.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PolicyBootstrap implements ApplicationRunner {

    /** The school's name in its first policy, for the school to replace with its own. */
    static final String PLACEHOLDER_NAME = "Your school";

    private final PolicyService policies;
    private final LanternProperties lantern;
    private final String preset;

    PolicyBootstrap(PolicyService policies, LanternProperties lantern,
                    @Value("${lantern.policy.preset:astley-park}") String preset) {
        this.policies = policies;
        this.lantern = lantern;
        this.preset = preset;
    }

    @Override
    public void run(ApplicationArguments args) {
        String name = lantern.mode() == LanternProperties.Mode.DEMO ? LanternProperties.DEMO_SCHOOL_NAME : PLACEHOLDER_NAME;
        policies.initialiseIfEmpty(PolicyParser.withSchoolName(Presets.yaml(preset), name), "system", "initial preset");
    }
}
