package dev.locus.server.registry;

import dev.locus.server.Bytes;
import dev.locus.server.common.FieldReader;
import dev.locus.server.common.Page;
import dev.locus.server.identity.DeviceCertificate;
import dev.locus.server.identity.ManufacturerTrust;
import dev.locus.server.persistence.Sql;
import dev.locus.wire.RegistryValues;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.InstantSource;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Storage and validation of chips. A chip registered with a device certificate gets it checked
 * against the trusted manufacturer CAs ({@link ManufacturerTrust#check}); its key is then the
 * certificate's.
 */
final class Chips implements RecordType<Chip> {
    static final int ED25519_PUBLIC_KEY_BYTES = 32;
    private final InstantSource clock;
    private final ManufacturerTrust trust;

    Chips(InstantSource clock, ManufacturerTrust trust) {
        this.clock = clock;
        this.trust = trust;
    }

    @Override
    public String plural() {
        return "chips";
    }

    @Override
    public List<String> fields() {
        return List.of(
                "serial",
                "model",
                "device_public_key",
                "device_certificate",
                "licence_id",
                "declared_site_id",
                "status");
    }

    @Override
    public Chip parse(FieldReader r) {
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

    @Override
    public void checkReferences(Connection c, List<Parsed<Chip>> rows) throws SQLException {
        Lookups.checkNewIds(c, "chips", "serial", "serial", rows, Chip::serial);
        SerialKeys.checkLookAlikes(c, rows);
        checkSitesAndLicences(c, rows, Optional.empty());
    }

    /** Sites and licences exist and agree; a licence holds no more chips than it allows ({@code editing} aside). */
    private static void checkSitesAndLicences(Connection c, List<Parsed<Chip>> rows, Optional<String> editing)
            throws SQLException {
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
            Licences.find(c, id).ifPresent(l -> licences.put(id, l));
        }
        Map<String, Integer> used = countChipsPerLicence(c, licences.keySet(), editing);
        for (Parsed<Chip> p : rows) {
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

    @Override
    public void insert(Connection c, List<Chip> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO chips (serial, model, device_public_key,"
                + " licence_id, declared_site_id, status, created_at, device_certificate, device_certificate_sha256,"
                + " device_certificate_not_before, device_certificate_not_after, device_certificate_ca_sha256,"
                + " serial_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (Chip chip : rows) {
                ps.setString(1, chip.serial());
                ps.setString(2, chip.model());
                if (chip.devicePublicKey().isPresent()) {
                    ps.setBytes(3, chip.devicePublicKey().get().toArray());
                } else {
                    ps.setNull(3, Types.BINARY);
                }
                Sql.setOptionalString(ps, 4, chip.licenceId());
                ps.setString(5, chip.declaredSiteId());
                ps.setString(6, chip.status().name());
                Sql.setInstant(ps, 7, chip.createdAt());
                Optional<DeviceCertificate> cert = chip.deviceCertificate();
                if (cert.isPresent()) {
                    ps.setBytes(8, cert.get().der().toArray());
                } else {
                    ps.setNull(8, Types.BINARY);
                }
                Sql.setOptionalString(ps, 9, cert.map(DeviceCertificate::sha256));
                Sql.setOptionalInstant(ps, 10, cert.map(DeviceCertificate::notBefore));
                Sql.setOptionalInstant(ps, 11, cert.map(DeviceCertificate::notAfter));
                Sql.setOptionalString(ps, 12, cert.map(DeviceCertificate::caSha256));
                ps.setString(13, SerialKeys.key(chip.serial()));
                ps.addBatch();
                if (++pending == 1000) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    @Override
    public Map<String, Object> auditDetails(Chip chip) {
        return Map.of(
                "serial", chip.serial(),
                "model", chip.model(),
                "licence_id", chip.licenceId().orElse(""),
                "declared_site_id", chip.declaredSiteId(),
                "status", chip.status().name(),
                "device_certificate_sha256",
                        chip.deviceCertificate().map(DeviceCertificate::sha256).orElse(""));
    }

    @Override
    public Optional<Editing<Chip>> editing() {
        return Optional.of(new Editing<>(
                List.of("model", "licence_id", "declared_site_id"),
                Chips::find,
                Chips::storedFields,
                (c, row) -> checkSitesAndLicences(
                        c, List.of(row), Optional.of(row.value().serial())),
                Chips::update));
    }

    private static Map<String, String> storedFields(Chip chip) {
        return Map.of(
                "serial", chip.serial(),
                "model", chip.model(),
                "licence_id", chip.licenceId().orElse(""),
                "declared_site_id", chip.declaredSiteId(),
                "status", chip.status().name());
    }

    private static void update(Connection c, Chip chip) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE chips SET model = ?, licence_id = ?, declared_site_id = ? WHERE serial = ?")) {
            ps.setString(1, chip.model());
            Sql.setOptionalString(ps, 2, chip.licenceId());
            ps.setString(3, chip.declaredSiteId());
            ps.setString(4, chip.serial());
            ps.executeUpdate();
        }
    }

    @Override
    public String idOf(Chip row) {
        return row.serial();
    }

    static Chip read(ResultSet rs) throws SQLException {
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

    static Optional<Chip> find(Connection c, String serial) throws SQLException {
        return KeyedRows.find(c, "chips", "serial", serial, Chips::read);
    }

    static Page<Chip> page(Connection c, Optional<String> licenceId, String after, int limit) throws SQLException {
        return licenceId.isPresent()
                ? KeyedRows.page(
                        c, "chips", "serial", "licence_id", licenceId.get(), after, limit, Chips::read, Chip::serial)
                : KeyedRows.page(c, "chips", "serial", after, limit, Chips::read, Chip::serial);
    }
}
