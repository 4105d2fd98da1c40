package dev.locus.compliance.parties;

/** The role a party plays in the record, or what it is when it only owns others. */
public enum PartyKind {
    EXPORTER,
    DISTRIBUTOR,
    CONSIGNEE,
    END_USER,
    CLOUD_OPERATOR,
    IAAS_TENANT,
    FREIGHT_FORWARDER,
    /** A company known as an owner (a holding company, a parent). */
    COMPANY,
    /** A natural person. */
    PERSON;

    /** True for a natural person; every other kind is an organisation. */
    public boolean person() {
        return this == PERSON;
    }
}
