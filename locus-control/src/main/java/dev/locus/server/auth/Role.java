package dev.locus.server.auth;

import java.util.EnumSet;
import java.util.Set;

/** What a token holder may do. */
public enum Role {
    /** Everything, including issuing and revoking tokens. */
    ADMIN(EnumSet.allOf(Permission.class)),
    /** Registry changes, imports, alert handling, reports. */
    COMPLIANCE_OFFICER(EnumSet.of(
            Permission.READ,
            Permission.WRITE_REGISTRY,
            Permission.MANAGE_ALERTS,
            Permission.SUBMIT_RECEIPTS,
            Permission.OPERATE)),
    /** Read-only access to everything, including the audit log. */
    AUDITOR(EnumSet.of(Permission.READ, Permission.OPERATE)),
    /** A landmark: may only submit receipts it signed itself (token bound to its id). */
    LANDMARK(EnumSet.of(Permission.SUBMIT_RECEIPTS, Permission.HEALTH)),
    /** A chip's agent: may only submit receipts about its own chip (token bound to the serial). */
    AGENT(EnumSet.of(Permission.SUBMIT_RECEIPTS, Permission.HEALTH));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = EnumSet.copyOf(permissions);
        if (permissions.contains(Permission.READ) || permissions.contains(Permission.OPERATE)) {
            this.permissions.add(Permission.HEALTH);
        }
    }

    public boolean may(Permission p) {
        return permissions.contains(p);
    }

    /** True for roles whose tokens must be bound to one landmark or chip. */
    public boolean bound() {
        return this == LANDMARK || this == AGENT;
    }
}
