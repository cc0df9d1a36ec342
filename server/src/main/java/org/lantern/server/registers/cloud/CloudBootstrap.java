package org.lantern.server.registers.cloud;

import org.lantern.policy.Presets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start, puts the approved cloud services of the policy preset the school started from
 * ({@code lantern.policy.preset}; {@code prince-henrys} lists seed 003's) on the list, for the
 * school to complete with what each is for, what data it holds and its DPIA and agreement. Once
 * the policy's services are on the list it is left alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class CloudBootstrap implements ApplicationRunner {

    private final CloudServices services;
    private final String preset;

    CloudBootstrap(CloudServices services, @Value("${lantern.policy.preset:astley-park}") String preset) {
        this.services = services;
        this.preset = preset;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (services.list(null).stream().noneMatch(s -> CloudServices.POLICY.equals(s.requestedBy()))) {
            Presets.cloudServices(preset).forEach(s -> services.addFromPolicy(s.name(), s.note()));
        }
    }
}
