package dev.locus.server.registry;

/** Enumerations of the registry. */
public final class Model {
    private Model() {}

    public enum OrganisationKind {
        EXPORTER,
        DISTRIBUTOR,
        END_USER,
        CLOUD_OPERATOR
    }

    public enum ChipStatus {
        REGISTERED,
        IN_TRANSIT,
        INSTALLED,
        RETURNED,
        DECOMMISSIONED
    }

    public enum CustodyKind {
        SHIPPED,
        RECEIVED,
        INSTALLED,
        MOVED,
        RETURNED,
        DECOMMISSIONED;

        /** The chip status this event leaves behind. */
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

    public enum LandmarkStatus {
        ACTIVE,
        SUSPECT,
        RETIRED
    }
}
