package dev.locus.server.registry;

import static dev.locus.server.registry.Column.bytes;
import static dev.locus.server.registry.Column.enumName;
import static dev.locus.server.registry.Column.instant;
import static dev.locus.server.registry.Column.optionalInstant;
import static dev.locus.server.registry.Column.optionalText;
import static dev.locus.server.registry.Column.text;

import dev.locus.server.Bytes;
import dev.locus.server.common.FieldReader;
import dev.locus.server.identity.DeviceCertificate;
import dev.locus.server.identity.ManufacturerTrust;
import dev.locus.server.persistence.Sql;
import dev.locus.wire.RegistryValues;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The registry's chips: their table, validation and edits. A chip registered with a device
 * certificate gets it checked against the trusted manufacturer CAs ({@link ManufacturerTrust#check});
 * its key is then the certificate's.
 */
final class Chips {
    static final int ED25519_PUBLIC_KEY_BYTES = 32;

    /** The key material first (the device key and its certificate), then the registry's facts. */
    private static final List<Column<Chip>> COLUMNS = List.of(
            text("model", Chip::model),
            bytes("device_public_key", Chip::devicePublicKey),
            bytes("device_certificate", certificate(DeviceCertificate::der)),
            optionalText("device_certificate_sha256", certificate(DeviceCertificate::sha256)),
            optionalInstant("device_certificate_not_before", certificate(DeviceCertificate::notBefore)),
            optionalInstant("device_certificate_not_after", certificate(DeviceCertificate::notAfter)),
            optionalText("device_certificate_ca_sha256", certificate(DeviceCertificate::caSha256)),
            optionalText("licence_id", Chip::licenceId),
            text("declared_site_id", Chip::declaredSiteId),
            enumName("status", Chip::status),
            instant("created_at", Chip::createdAt),
            text("serial_key", chip -> SerialKeys.key(chip.serial())));

    static final RecordTable<Chip> TABLE = new RecordTable<>("chips", "serial", Chip::serial, Chips::read, COLUMNS);

    private Chips() {}

    /** A part of a chip's device certificate; empty without one. */
    private static <V> Function<Chip, Optional<V>> certificate(Function<DeviceCertificate, V> part) {
        return chip -> chip.deviceCertificate().map(part);
    }

    /** Chips, their device certificates checked against {@code trust}. */
    static RecordType<Chip> type(ManufacturerTrust trust) {
        return new RecordType<>(
                        TABLE,
                        List.of(
                                "serial",
                                "model",
                                "device_public_key",
                                "device_certificate",
                                "licence_id",
                                "declared_site_id",
                                "status"),
                        (r, clock) -> parse(r, clock, trust),
                        Chips::checkReferences,
                        Chips::auditDetails)
                .editedAs(new Editing<>(
                        List.of("model", "licence_id", "declared_site_id"),
                        Chips::fields,
                        (c, row) -> checkSitesAndLicences(
                                c, List.of(row), Optional.of(row.value().serial()))));
    }

    private static Chip parse(FieldReader r, InstantSource clock, ManufacturerTrust trust) {
        String serial = r.id("serial");
        if (!serial.isEmpty() && !Character.isLetterOrDigit(serial.charAt(serial.length() - 1))) {
            r.problem("serial", "must end with a letter or digit");
        }
        String model = r.text("model", 64);
        Optional<Bytes> key = r.optionalBase64("device_public_key", ED25519_PUBLIC_KEY_BYTES);
        Optional<X509Certificate> given = r.optionalCertificate("device_certificate");
        Optional<DeviceCertificate> certificate = Optional.empty();
        if (given.isPresent()) {
            switch (trust.check(given.get(), serial, model, clock.instant())) {
                case ManufacturerTrust.Check.Trusted t -> {
                    if (key.isPresent() && !key.get().equals(t.publicKey())) {
                        r.problem("device_public_key", "must be the device certificate's key, or be left out");
                    }
                    key = Optional.of(t.publicKey());
                    certificate = Optional.of(t.certificate());
                }
                case ManufacturerTrust.Check.Refused refused -> r.problem("device_certificate", refused.reason());
            }
        }
        return new Chip(
                serial,
                model,
                key,
                certificate,
                r.optionalId("licence_id"),
                r.id("declared_site_id"),
                r.optionalEnum("status", RegistryValues.ChipStatus.class).orElse(RegistryValues.ChipStatus.REGISTERED),
                Sql.micros(clock.instant()));
    }

    private static void checkReferences(Connection c, List<RecordType.Parsed<Chip>> rows) throws SQLException {
        Lookups.checkNewIds(c, "chips", "serial", "serial", rows, Chip::serial);
        SerialKeys.checkLookAlikes(c, rows);
        checkSitesAndLicences(c, rows, Optional.empty());
    }

    /** Sites and licences exist and agree; a licence holds no more chips than it allows ({@code editing} aside). */
    private static void checkSitesAndLicences(
            Connection c, List<RecordType.Parsed<Chip>> rows, Optional<String> editing) throws SQLException {
        Set<String> sites = Lookups.existing(
                c,
                "sites",
                "id",
                rows.stream().map(p -> p.value().declaredSiteId()).toList());
        List<String> licenceIds = rows.stream()
                .flatMap(p -> p.value().licenceId().stream())
                .distinct()
                .toList();
        Map<String, Licence> licences = new HashMap<>();
        for (String id : licenceIds) {
            Licences.TABLE.find(c, id).ifPresent(l -> licences.put(id, l));
        }
        Map<String, Integer> used = countChipsPerLicence(c, licences.keySet(), editing);
        for (RecordType.Parsed<Chip> p : rows) {
            Chip chip = p.value();
            if (!sites.contains(chip.declaredSiteId())) {
                p.reader().problem("declared_site_id", "must name a registered site");
            }
            if (chip.licenceId().isEmpty()) {
                continue;
            }
            Licence l = licences.get(chip.licenceId().get());
            if (l == null) {
                p.reader().problem("licence_id", "must name a registered licence");
                continue;
            }
            if (!l.siteId().equals(chip.declaredSiteId())) {
                p.reader().problem("declared_site_id", "must be the licence's site " + l.siteId());
            }
            int n = used.merge(l.id(), 1, Integer::sum);
            if (n > l.chipCount()) {
                p.reader().problem("licence_id", "exceeds the licence's chip_count of " + l.chipCount());
            }
        }
    }

    private static Map<String, Integer> countChipsPerLicence(
            Connection c, Collection<String> licenceIds, Optional<String> except) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT COUNT(*) FROM chips WHERE licence_id = ? AND serial <> ?")) {
            for (String id : licenceIds) {
                ps.setString(1, id);
                ps.setString(2, except.orElse(""));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    out.put(id, rs.getInt(1));
                }
            }
        }
        return out;
    }

    /** The audit log's details: the fields and the device certificate's fingerprint (empty without one). */
    private static Map<String, Object> auditDetails(Chip chip) {
        Map<String, Object> details = new HashMap<>(fields(chip));
        details.put(
                "device_certificate_sha256",
                chip.deviceCertificate().map(DeviceCertificate::sha256).orElse(""));
        return Map.copyOf(details);
    }

    private static Map<String, String> fields(Chip chip) {
        return Map.of(
                "serial", chip.serial(),
                "model", chip.model(),
                "licence_id", chip.licenceId().orElse(""),
                "declared_site_id", chip.declaredSiteId(),
                "status", chip.status().name());
    }

    private static Chip read(ResultSet rs) throws SQLException {
        byte[] key = rs.getBytes("device_public_key");
        byte[] certificate = rs.getBytes("device_certificate");
        String caSha256 = rs.getString("device_certificate_ca_sha256");
        return new Chip(
                rs.getString("serial"),
                rs.getString("model"),
                Optional.ofNullable(key).map(Bytes::of),
                Optional.ofNullable(certificate).map(der -> DeviceCertificate.stored(Bytes.of(der), caSha256)),
                Sql.getOptionalString(rs, "licence_id"),
                rs.getString("declared_site_id"),
                RegistryValues.ChipStatus.valueOf(rs.getString("status")),
                Sql.getInstant(rs, "created_at"));
    }
}
