package org.lantern.server.registers.agreements;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.lantern.server.policy.PolicyService;
import org.lantern.server.policy.PolicyVersion;
import org.springframework.stereotype.Component;

/**
 * Which agreements in force were published before the school's latest material policy change, and
 * so may need a new version. Only a prompt: whether an agreement's words must change is for people
 * to judge, and a new version asks everyone to sign again, so nothing is published for them.
 */
@Component
public class PolicyChangePrompts {

    private final PolicyService policies;

    PolicyChangePrompts(PolicyService policies) {
        this.policies = policies;
    }

    /**
     * The agreements that predate the latest material policy change, each with that change.
     *
     * @param inForce the version in force of each audience's agreement
     */
    public Map<Audience, PolicyVersion> stale(Map<Audience, AgreementVersion> inForce) {
        Map<Audience, PolicyVersion> stale = new EnumMap<>(Audience.class);
        Optional<PolicyVersion> change = policies.latestMaterial();
        change.ifPresent(c -> inForce.forEach((audience, version) -> {
            if (version.policyVersion() == null || version.policyVersion() < c.number()) {
                stale.put(audience, c);
            }
        }));
        return stale;
    }
}
