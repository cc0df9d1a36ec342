package org.lantern.server.registers.cloud;

import java.util.Optional;

import org.lantern.server.identity.Permission;
import org.springframework.security.core.Authentication;

/**
 * The two people a new cloud service needs (seed 003 section 1.5.1: "permission from the ICT
 * Manager and SLT"): the ICT manager and a senior leader. Both must approve, as two different people.
 */
public enum Approver {
    ICT("the ICT manager", Permission.CLOUD_SERVICE_APPROVE_ICT),
    SENIOR("a senior leader", Permission.CLOUD_SERVICE_APPROVE_SENIOR);

    private final String label;
    private final Permission permission;

    Approver(String label, Permission permission) {
        this.label = label;
        this.permission = permission;
    }

    public String label() {
        return label;
    }

    /** Which approver a signed-in user is; the ICT manager first, should anyone hold both. */
    public static Optional<Approver> of(Authentication user) {
        for (Approver a : values()) {
            if (a.permission.heldBy(user)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
