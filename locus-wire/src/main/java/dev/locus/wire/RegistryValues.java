package dev.locus.wire;

/**
 * The registry's enumerated values, one definition for clients and the control plane: what clients
 * send in registration bodies is what the registry stores. (Token roles are the server's
 * {@code auth.Role}, which carries permissions; {@code WireContractTest} checks they are spelled alike.)
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
        DECOMMISSIONED;

        /** The chip status this event leaves behind (the registry records it with the event). */
        public ChipStatus resultingStatus() {
            return switch (this) {
                case SHIPPED, MOVED -> ChipStatus.IN_TRANSIT;
                case RECEIVED -> ChipStatus.REGISTERED;
                case INSTALLED -> ChipStatus.INSTALLED;
                case RETURNED -> ChipStatus.RETURNED;
                case DECOMMISSIONED -> ChipStatus.DECOMMISSIONED;
            };
        }
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
