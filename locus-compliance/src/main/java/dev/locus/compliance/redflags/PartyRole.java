package dev.locus.compliance.redflags;

/** The parts a party plays in the record. */
public enum PartyRole {
    EXPORTER,
    DISTRIBUTOR,
    RESELLER,
    END_USER,
    CLOUD_OPERATOR,
    IAAS_TENANT,
    FREIGHT_FORWARDER,
    OTHER;

    /** Whether the role is normally part of chip distribution (exporter, distributor). */
    public boolean inChipDistribution() {
        return this == EXPORTER || this == DISTRIBUTOR;
    }
}
