package dev.locus.protocol.identity;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * Object identifiers of Locus certificates, under a UUID-derived arc (ITU-T X.667, {@code 2.25}),
 * which needs no registration and cannot collide.
 */
public final class LocusOids {
    /** 2.25 arc from UUID 63763141-b4f5-425d-80b4-8a4d3054790d. */
    public static final ASN1ObjectIdentifier ROOT =
            new ASN1ObjectIdentifier("2.25.132207261655918725431333168896898529549");

    /** Extended key usage: the key is a device (chip) identity that answers challenges. */
    public static final ASN1ObjectIdentifier DEVICE_IDENTITY = ROOT.branch("1");

    /** Extended key usage: the key is a landmark that signs receipts. */
    public static final ASN1ObjectIdentifier LANDMARK_IDENTITY = ROOT.branch("2");

    /** Extension (UTF8String "LAT,LON", decimal degrees WGS84): the landmark's surveyed position. */
    public static final ASN1ObjectIdentifier LANDMARK_POSITION = ROOT.branch("3");

    /** Extension (UTF8String): the landmark's human-readable name. */
    public static final ASN1ObjectIdentifier LANDMARK_NAME = ROOT.branch("4");

    private LocusOids() {}
}
