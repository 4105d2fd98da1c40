package dev.locus.cli;

import static dev.locus.cli.RegistryForm.country;
import static dev.locus.cli.RegistryForm.enumeration;
import static dev.locus.cli.RegistryForm.id;
import static dev.locus.cli.RegistryForm.integer;
import static dev.locus.cli.RegistryForm.iso;
import static dev.locus.cli.RegistryForm.list;
import static dev.locus.cli.RegistryForm.number;
import static dev.locus.cli.RegistryForm.pathId;
import static dev.locus.cli.RegistryForm.pemKey;
import static dev.locus.cli.RegistryForm.pemText;
import static dev.locus.cli.RegistryForm.text;

import dev.locus.cli.RegistryForm.Exclusive;
import dev.locus.wire.RegistryValues;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The registry's record kinds as {@code locus register} forms: one table row per API field. */
final class RegistryForms {
    private RegistryForms() {}

    /** Half the Earth's circumference, as the server allows for a licensed zone. */
    static final double MAX_ZONE_RADIUS_KM = 20_000;
    /** The server's upper bound of a licence's chip count. */
    static final int MAX_CHIP_COUNT = 10_000_000;

    private static final String ID = "Identifier: 1-64 letters, digits or . _ : -.";
    private static final String COUNTRY = "ISO 3166-1 alpha-2 code, e.g. SG.";

    private static RegistryForm.Field latitude(String what) {
        return number("latitude_deg", "DEG", -90, false, 90, what + " latitude in decimal degrees, [-90, 90].");
    }

    private static RegistryForm.Field longitude(String what) {
        return number("longitude_deg", "DEG", -180, false, 180, what + " longitude in decimal degrees, [-180, 180].");
    }

    /** The optional {@code status} field, one of {@code values}; the server's default when not given. */
    private static RegistryForm.Field status(Class<? extends Enum<?>> values, String serverDefault) {
        return enumeration("status", values, "${COMPLETION-CANDIDATES} (server default " + serverDefault + ").")
                .optional();
    }

    static final RegistryForm ORGANISATION = new RegistryForm(
            "organisation",
            "Registers an organisation: an exporter, distributor, end user or cloud operator.",
            list(
                    id("id", ID),
                    text("name", "Legal name (up to 200 characters)."),
                    enumeration(
                            "kind",
                            RegistryValues.OrganisationKind.class,
                            "Role in the export chain: ${COMPLETION-CANDIDATES}. Licences need an EXPORTER or"
                                    + " DISTRIBUTOR as exporter_id."),
                    country("country", COUNTRY)),
            List.of(),
            v -> "/api/v1/organisations",
            RegistryForm::none);

    static final RegistryForm SITE = new RegistryForm(
            "site",
            "Registers a site (a data centre) whose licensed zone is a disc around its position.",
            list(
                    id("id", ID),
                    text("name", "Name (up to 200 characters)."),
                    id("operator_id", "The registered organisation operating it."),
                    country("country", COUNTRY),
                    latitude("Declared"),
                    longitude("Declared"),
                    number(
                            "zone_radius_km",
                            "KM",
                            0,
                            true,
                            MAX_ZONE_RADIUS_KM,
                            "Radius of the licensed zone around the site in km, (0, 20000]; a chip proven outside it"
                                    + " raises OUTSIDE_ZONE.")),
            List.of(),
            v -> "/api/v1/sites",
            RegistryForm::none);

    static final RegistryForm LICENCE = new RegistryForm(
            "licence",
            "Registers an export licence: who may ship how many chips to which end user at which site.",
            list(
                    id("id", "Licence number: 1-64 letters, digits or . _ : -."),
                    id("exporter_id", "Registered EXPORTER or DISTRIBUTOR."),
                    id("end_user_id", "Registered end-user organisation."),
                    id("site_id", "Registered site the chips must run at."),
                    integer(
                            "chip_count",
                            "N",
                            1,
                            MAX_CHIP_COUNT,
                            "Chips the licence covers, [1, 10000000]; registering more is refused."),
                    text("conditions", "Free-text conditions (up to 4000 characters).")
                            .optional(),
                    iso("valid_from", LocalDate.class, "YYYY-MM-DD", "First valid day, YYYY-MM-DD."),
                    iso(
                            "valid_until",
                            LocalDate.class,
                            "YYYY-MM-DD",
                            "Last valid day, YYYY-MM-DD (not before --valid-from).")),
            List.of(),
            v -> "/api/v1/licences",
            (v, r) -> {
                LocalDate from = v.get("--valid-from");
                LocalDate until = v.get("--valid-until");
                if (until.isBefore(from)) {
                    r.problem("valid_until", until.toString(), "must not be before valid_from (" + from + ")");
                }
            });

    static final RegistryForm CHIP = new RegistryForm(
            "chip",
            "Registers a chip (GPU board) under a licence, declared at a site.",
            list(
                    id("serial", "Board serial: 1-64 letters, digits or . _ : -."),
                    text("model", "Model, e.g. 'NVIDIA H100 80GB HBM3' (up to 64)."),
                    text("device_public_key", "The chip's raw 32-byte Ed25519 public key, base64.")
                            .label("BASE64")
                            .optional(),
                    pemText(
                                    "device_certificate",
                                    "Or: the chip's PEM certificate (locus ca issue-device writes OUT/SERIAL.pem),"
                                            + " sent as device_certificate: the server checks it against its"
                                            + " manufacturer CAs (--manufacturer-ca) and takes the chip's key from it.")
                            .optional(),
                    id("licence_id", "Registered licence covering it (its chip_count is enforced).")
                            .optional(),
                    id("declared_site_id", "Registered site where it is declared to run (must be the licence's site)."),
                    status(RegistryValues.ChipStatus.class, "REGISTERED")),
            List.of(new Exclusive(false, List.of("--device-public-key", "--device-certificate"))),
            v -> "/api/v1/chips",
            RegistryForm::none);

    static final RegistryForm LANDMARK = new RegistryForm(
            "landmark",
            "Registers a landmark: a timing server at a surveyed position whose key signs receipts.",
            list(
                    id("id", ID),
                    text("name", "Name (up to 200 characters)."),
                    latitude("Surveyed"),
                    longitude("Surveyed"),
                    text("public_key", "The landmark's raw 32-byte Ed25519 public key, base64.")
                            .label("BASE64"),
                    pemKey(
                                    "public_key",
                                    "Or: the landmark's PEM certificate (locus ca issue-landmark writes OUT/ID.pem);"
                                            + " its Ed25519 key is sent as public_key.")
                            .option("--certificate"),
                    status(RegistryValues.LandmarkStatus.class, "ACTIVE"),
                    id(
                                    "operator",
                                    "Trust domain: landmarks of one operator count as one when verdicts tolerate lying"
                                            + " landmarks (server default: the landmark's own id, i.e. independent).")
                            .label("ID")
                            .optional(),
                    number(
                                    "position_uncertainty_km",
                                    "KM",
                                    0,
                                    false,
                                    1000,
                                    "How far the true position may be from the surveyed one, [0, 1000]; enlarges"
                                            + " every disc the landmark measures (server default 0).")
                            .optional()),
            List.of(new Exclusive(true, List.of("--public-key", "--certificate"))),
            v -> "/api/v1/landmarks",
            RegistryForm::none);

    static final RegistryForm CUSTODY_EVENT = new RegistryForm(
            "custody-event",
            "Records a custody event of a chip (shipped, received, installed, ...) and its new status.",
            list(
                    pathId("serial", "The registered chip."),
                    enumeration(
                            "kind",
                            RegistryValues.CustodyKind.class,
                            "${COMPLETION-CANDIDATES}. SHIPPED and MOVED leave the chip IN_TRANSIT, RECEIVED leaves"
                                    + " it REGISTERED, INSTALLED leaves it INSTALLED (watched by the SILENT and"
                                    + " UNVERIFIED rules)."),
                    id("site_id", "Registered site; required for RECEIVED and INSTALLED.")
                            .optional(),
                    text("note", "Free text (up to 2000 characters), e.g. the shipment's waybill.")
                            .optional(),
                    iso("occurred_at", Instant.class, "INSTANT", "When it happened, ISO-8601 instant (default: now).")
                            .optional()),
            List.of(),
            v -> "/api/v1/chips/" + URLEncoder.encode(v.<String>get("--serial"), StandardCharsets.UTF_8)
                    + "/custody-events",
            (v, r) -> {
                RegistryValues.CustodyKind kind = v.get("--kind");
                if (v.get("--site-id") == null
                        && (kind == RegistryValues.CustodyKind.RECEIVED
                                || kind == RegistryValues.CustodyKind.INSTALLED)) {
                    r.problem("site_id", "", "is required for " + kind + " events");
                }
            });

    /** Every form, in the order of {@code locus register --help}. */
    static final List<RegistryForm> ALL = List.of(ORGANISATION, SITE, LICENCE, CHIP, LANDMARK, CUSTODY_EVENT);
}
