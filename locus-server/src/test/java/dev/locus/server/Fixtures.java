package dev.locus.server;

import dev.locus.boundaries.NaturalEarth;
import dev.locus.geo.verdict.Verifier;
import dev.locus.server.alerts.AlertService;
import dev.locus.server.alerts.VerdictRules;
import dev.locus.server.audit.AuditLog;
import dev.locus.server.audit.AuditedStore;
import dev.locus.server.identity.ManufacturerTrust;
import dev.locus.server.persistence.Database;
import dev.locus.server.registry.RegistryService;
import dev.locus.server.verdicts.VerdictEngine;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;

/** A small registry: one exporter, one operator, a Singapore site, a licence for 10 chips, one landmark. */
public final class Fixtures {
    public static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private Fixtures() {}

    public static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RegistryService registry(Database db, InstantSource clock) {
        return new RegistryService(store(db, clock));
    }

    /** A registry with the fixture records, its landmark {@code lm-sg} holding a fresh Ed25519 key. */
    public static RegistryService populatedRegistry(Database db, InstantSource clock) {
        RegistryService r = registry(db, clock);
        populate(r, ed25519());
        return r;
    }

    /** A registry that trusts {@code trust} for chips' device certificates. */
    public static RegistryService registry(Database db, InstantSource clock, ManufacturerTrust trust) {
        return new RegistryService(store(db, clock), trust);
    }

    /** {@code db} with an audit log of its own, dated by {@code clock}. */
    public static AuditedStore store(Database db, InstantSource clock) {
        return new AuditedStore(db, new AuditLog(clock, Json.mapper()), clock, Json.mapper());
    }

    /** An alert service over {@code db} with an audit log of its own. */
    public static AlertService alerts(Database db, InstantSource clock) {
        return new AlertService(store(db, clock));
    }

    /**
     * A verdict engine on the bundled basemap with CN, HK and MO restricted, measuring over
     * {@code window} and tolerating {@code toleratedLiars} lying landmarks, whose verdicts raise
     * alerts through every verdict rule of {@code alerts}.
     */
    public static VerdictEngine verdictEngine(
            Database db, InstantSource clock, Duration window, int toleratedLiars, AlertService alerts) {
        VerdictEngine engine = new VerdictEngine(
                db,
                Verifier.of(NaturalEarth.bundled()),
                clock,
                window,
                Set.of("CN", "HK", "MO"),
                Json.mapper(),
                toleratedLiars);
        VerdictRules.all(alerts).forEach(engine::addListener);
        return engine;
    }

    /** Registers landmark {@code lm-fra} in Frankfurt with its key from {@code keys}. */
    public static void frankfurtLandmark(RegistryService r, IssuedReceipts keys) {
        r.createLandmark(
                Map.of(
                        "id", "lm-fra",
                        "name", "Frankfurt",
                        "latitude_deg", "50.11",
                        "longitude_deg", "8.68",
                        "public_key", keys.landmark("lm-fra", 50.11, 8.68).toBase64()),
                "test");
    }

    /** Registers chip {@code serial}, an H100 declared at sg-1, with its device key from {@code keys}. */
    public static void chipAtSg1(RegistryService r, IssuedReceipts keys, String serial) {
        r.createChip(
                Map.of(
                        "serial",
                        serial,
                        "model",
                        "H100",
                        "declared_site_id",
                        "sg-1",
                        "device_public_key",
                        keys.deviceKey(serial).toBase64()),
                "t");
    }

    /** Registers the fixture records; the landmark {@code lm-sg} uses {@code landmarkKey}. */
    public static void populate(RegistryService r, KeyPair landmarkKey) {
        populate(r, Bytes.of(dev.locus.protocol.crypto.Ed25519Keys.rawPublicKey(landmarkKey.getPublic())));
    }

    /**
     * Registers the fixture records with the keys of {@code keys}: the landmark {@code lm-sg} at its
     * registered position and chip {@code GPU-1} with its device key, so {@code keys.sign("lm-sg",
     * "GPU-1", ...)} gives receipts that ingestion accepts.
     */
    public static void populate(RegistryService r, IssuedReceipts keys) {
        populateWithoutChip(r, keys.landmark("lm-sg", 1.35, 103.82));
        r.createChip(
                Map.of(
                        "serial", "GPU-1",
                        "model", "H100",
                        "licence_id", "LIC-1",
                        "declared_site_id", "sg-1",
                        "device_public_key", keys.deviceKey("GPU-1").toBase64()),
                "test");
    }

    /** Registers the fixture records; the landmark {@code lm-sg} has the raw Ed25519 key {@code landmarkKey}. */
    public static void populate(RegistryService r, Bytes landmarkKey) {
        populateWithoutChip(r, landmarkKey);
        r.createChip(
                Map.of("serial", "GPU-1", "model", "H100", "licence_id", "LIC-1", "declared_site_id", "sg-1"), "test");
    }

    /**
     * A second operator, site and licence beside the fixture's: {@code kldc} runs {@code kl-1} in
     * Kuala Lumpur, licence {@code LIC-2} (exporter {@code nvx}) for 10 chips there.
     */
    public static void populateKualaLumpur(RegistryService r) {
        r.createOrganisation(
                Map.of("id", "kldc", "name", "KL Data Centre", "kind", "CLOUD_OPERATOR", "country", "MY"), "test");
        r.createSite(
                Map.of(
                        "id", "kl-1",
                        "name", "Kuala Lumpur 1",
                        "operator_id", "kldc",
                        "country", "MY",
                        "latitude_deg", "3.14",
                        "longitude_deg", "101.69",
                        "zone_radius_km", "50"),
                "test");
        r.createLicence(
                Map.of(
                        "id", "LIC-2",
                        "exporter_id", "nvx",
                        "end_user_id", "kldc",
                        "site_id", "kl-1",
                        "chip_count", "10",
                        "valid_from", "2026-01-01",
                        "valid_until", "2027-12-31"),
                "test");
    }

    private static void populateWithoutChip(RegistryService r, Bytes landmarkKey) {
        r.createOrganisation(Map.of("id", "nvx", "name", "NVX Corp", "kind", "EXPORTER", "country", "US"), "test");
        r.createOrganisation(
                Map.of("id", "sgdc", "name", "SG Data Centre", "kind", "CLOUD_OPERATOR", "country", "SG"), "test");
        r.createSite(
                Map.of(
                        "id", "sg-1",
                        "name", "Singapore 1",
                        "operator_id", "sgdc",
                        "country", "SG",
                        "latitude_deg", "1.29",
                        "longitude_deg", "103.85",
                        "zone_radius_km", "50"),
                "test");
        r.createLicence(
                Map.of(
                        "id", "LIC-1",
                        "exporter_id", "nvx",
                        "end_user_id", "sgdc",
                        "site_id", "sg-1",
                        "chip_count", "10",
                        "valid_from", "2026-01-01",
                        "valid_until", "2027-12-31"),
                "test");
        r.createLandmark(
                Map.of(
                        "id", "lm-sg",
                        "name", "Singapore landmark",
                        "latitude_deg", "1.35",
                        "longitude_deg", "103.82",
                        "public_key", landmarkKey.toBase64()),
                "test");
    }
}
