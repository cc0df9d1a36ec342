package org.lantern.server.policy;

import org.lantern.policy.Presets;
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
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PolicyBootstrap implements ApplicationRunner {

    private final PolicyService policies;
    private final String preset;

    PolicyBootstrap(PolicyService policies, @Value("${lantern.policy.preset:astley-park}") String preset) {
        this.policies = policies;
        this.preset = preset;
    }

    @Override
    public void run(ApplicationArguments args) {
        policies.initialiseIfEmpty(Presets.yaml(preset), "system", "initial preset");
    }
}
