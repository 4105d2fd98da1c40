package dev.locus.wire;

/**
 * The registry's enumerated values as clients send them in registration bodies (the server's
 * registry spells them alike; {@code WireContractTest} in locus-server checks it).
 */
public final class RegistryValues {
    private RegistryValues() {}

    /** What an organisation is in the supply chain. */
    public enum OrganisationKind {
        EXPORTER,
        DISTRIBUTOR,
        END_USER,
        CLOUD_OPERATOR
    }

    /** Where a chip is in its life. */
    public enum ChipStatus {
        REGISTERED,
        IN_TRANSIT,
        INSTALLED,
        RETURNED,
        DECOMMISSIONED
    }

    /** A custody event's kind. */
    public enum CustodyKind {
        SHIPPED,
        RECEIVED,
        INSTALLED,
        MOVED,
        RETURNED,
        DECOMMISSIONED
    }

    /** A landmark's standing. */
    public enum LandmarkStatus {
        ACTIVE,
        SUSPECT,
        RETIRED
    }

    /** A token's role. */
    public enum Role {
        ADMIN,
        COMPLIANCE_OFFICER,
        AUDITOR,
        LANDMARK,
        AGENT
    }
}
