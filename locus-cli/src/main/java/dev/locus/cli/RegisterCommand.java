package dev.locus.cli;

import dev.locus.protocol.crypto.Ed25519Keys;
import dev.locus.protocol.identity.Certificates;
import dev.locus.wire.RegistryValues;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code locus register KIND --field value ...}: one registry record through the API, the single
 * record counterpart of {@code locus import}. Options carry the API's field names ({@code --operator-id}
 * is {@code operator_id}). Exit 0 with the stored record as JSON on stdout; 2 when the options fail
 * a check made before sending; 5 when the server refuses, with its stable code and every problem.
 */
@Command(
        name = "register",
        mixinStandardHelpOptions = true,
        description = {
            "Registers one organisation, site, licence, chip, landmark or custody event through the API.",
            "Prints the stored record as JSON. Each option is the API field of the same",
            "name with - for _ (--operator-id sets operator_id). Exit 2 when an option",
            "fails a check made before sending (nothing is sent); exit 5 when the server",
            "refuses, showing its stable error code and every field problem. For many",
            "records at once use 'locus import'."
        },
        subcommands = {
            RegisterCommand.Organisation.class,
            RegisterCommand.Site.class,
            RegisterCommand.Licence.class,
            RegisterCommand.Chip.class,
            RegisterCommand.Landmark.class,
            RegisterCommand.CustodyEvent.class
        })
final class RegisterCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Half the Earth's circumference, as the server allows for a licensed zone. */
    static final double MAX_ZONE_RADIUS_KM = 20_000;
    /** The server's upper bound of a licence's chip count. */
    static final int MAX_CHIP_COUNT = 10_000_000;

    /** Sends one request built by a subclass and reports the answer. */
    abstract static class Send implements Callable<Integer> {
        @Mixin
        ApiOptions api;

        @Spec
        CommandLine.Model.CommandSpec spec;

        /** The request body from the options; problems found locally go into it. */
        abstract RegistryRequest request() throws IOException;

        /** The API path to POST to. */
        abstract String path();

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String name = "locus " + spec.parent().name() + " " + spec.name();
            RegistryRequest request = request();
            if (!request.problems().isEmpty()) {
                err.println(name + ": " + request.problems().size() + " invalid option(s), nothing was sent:");
                request.problems().forEach(p -> err.println("  " + p));
                err.println("Try '" + name + " --help'.");
                err.flush();
                return 2;
            }
            out.println(api.postJson(path(), request.json()));
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "organisation",
            mixinStandardHelpOptions = true,
            description = "Registers an organisation: an exporter, distributor, end user or cloud operator.")
    static final class Organisation extends Send {
        @Option(names = "--id", required = true, description = "Identifier: 1-64 letters, digits or . _ : -.")
        String id;

        @Option(names = "--name", required = true, description = "Legal name (up to 200 characters).")
        String name;

        @Option(
                names = "--kind",
                required = true,
                description = "Role in the export chain: ${COMPLETION-CANDIDATES}. Licences need an EXPORTER or"
                        + " DISTRIBUTOR as exporter_id.")
        RegistryValues.OrganisationKind kind;

        @Option(names = "--country", required = true, description = "ISO 3166-1 alpha-2 code, e.g. SG.")
        String country;

        @Override
        RegistryRequest request() {
            return new RegistryRequest()
                    .id("id", id)
                    .text("name", name)
                    .name("kind", kind)
                    .country("country", country);
        }

        @Override
        String path() {
            return "/api/v1/organisations";
        }
    }

    @Command(
            name = "site",
            mixinStandardHelpOptions = true,
            description = "Registers a site (a data centre) whose licensed zone is a disc around its position.")
    static final class Site extends Send {
        @Option(names = "--id", required = true, description = "Identifier: 1-64 letters, digits or . _ : -.")
        String id;

        @Option(names = "--name", required = true, description = "Name (up to 200 characters).")
        String name;

        @Option(names = "--operator-id", required = true, description = "The registered organisation operating it.")
        String operatorId;

        @Option(names = "--country", required = true, description = "ISO 3166-1 alpha-2 code, e.g. SG.")
        String country;

        @Option(
                names = "--latitude-deg",
                paramLabel = "DEG",
                required = true,
                description = "Declared latitude in decimal degrees, [-90, 90].")
        Double latitude;

        @Option(
                names = "--longitude-deg",
                paramLabel = "DEG",
                required = true,
                description = "Declared longitude in decimal degrees, [-180, 180].")
        Double longitude;

        @Option(
                names = "--zone-radius-km",
                paramLabel = "KM",
                required = true,
                description = "Radius of the licensed zone around the site in km, (0, 20000]; a chip proven outside"
                        + " it raises OUTSIDE_ZONE.")
        Double zoneRadiusKm;

        @Override
        RegistryRequest request() {
            return new RegistryRequest()
                    .id("id", id)
                    .text("name", name)
                    .id("operator_id", operatorId)
                    .country("country", country)
                    .number("latitude_deg", latitude, -90, false, 90)
                    .number("longitude_deg", longitude, -180, false, 180)
                    .number("zone_radius_km", zoneRadiusKm, 0, true, MAX_ZONE_RADIUS_KM);
        }

        @Override
        String path() {
            return "/api/v1/sites";
        }
    }

    @Command(
            name = "licence",
            mixinStandardHelpOptions = true,
            description = "Registers an export licence: who may ship how many chips to which end user at which site.")
    static final class Licence extends Send {
        @Option(names = "--id", required = true, description = "Licence number: 1-64 letters, digits or . _ : -.")
        String id;

        @Option(names = "--exporter-id", required = true, description = "Registered EXPORTER or DISTRIBUTOR.")
        String exporterId;

        @Option(names = "--end-user-id", required = true, description = "Registered end-user organisation.")
        String endUserId;

        @Option(names = "--site-id", required = true, description = "Registered site the chips must run at.")
        String siteId;

        @Option(
                names = "--chip-count",
                paramLabel = "N",
                required = true,
                description = "Chips the licence covers, [1, 10000000]; registering more is refused.")
        Integer chipCount;

        @Option(names = "--conditions", description = "Free-text conditions (up to 4000 characters).")
        String conditions;

        @Option(
                names = "--valid-from",
                paramLabel = "YYYY-MM-DD",
                required = true,
                description = "First valid day, YYYY-MM-DD.")
        LocalDate validFrom;

        @Option(
                names = "--valid-until",
                paramLabel = "YYYY-MM-DD",
                required = true,
                description = "Last valid day, YYYY-MM-DD (not before --valid-from).")
        LocalDate validUntil;

        @Override
        RegistryRequest request() {
            RegistryRequest r = new RegistryRequest()
                    .id("id", id)
                    .id("exporter_id", exporterId)
                    .id("end_user_id", endUserId)
                    .id("site_id", siteId)
                    .integer("chip_count", chipCount, 1, MAX_CHIP_COUNT)
                    .text("conditions", conditions)
                    .text("valid_from", validFrom.toString())
                    .text("valid_until", validUntil.toString());
            if (validUntil.isBefore(validFrom)) {
                r.problem("valid_until", validUntil.toString(), "must not be before valid_from (" + validFrom + ")");
            }
            return r;
        }

        @Override
        String path() {
            return "/api/v1/licences";
        }
    }

    /** {@code --device-public-key} or {@code --device-certificate}, one of them. */
    static final class DeviceKey {
        @Option(
                names = "--device-public-key",
                paramLabel = "BASE64",
                description = "The chip's raw 32-byte Ed25519 public key, base64.")
        String base64;

        @Option(
                names = "--device-certificate",
                paramLabel = "PEM",
                description = "Or: the chip's PEM certificate (locus ca issue-device writes OUT/SERIAL.pem), sent as"
                        + " device_certificate: the server checks it against its manufacturer CAs"
                        + " (--manufacturer-ca) and takes the chip's key from it.")
        Path certificate;
    }

    /** {@code --public-key} or {@code --certificate}, exactly one of them. */
    static final class LandmarkKey {
        @Option(
                names = "--public-key",
                paramLabel = "BASE64",
                description = "The landmark's raw 32-byte Ed25519 public key, base64.")
        String base64;

        @Option(
                names = "--certificate",
                paramLabel = "PEM",
                description = "Or: the landmark's PEM certificate (locus ca issue-landmark writes OUT/ID.pem); its"
                        + " Ed25519 key is sent as public_key.")
        Path certificate;

        String resolve() throws IOException {
            return base64 != null ? base64 : keyOf(certificate);
        }
    }

    /** The certificate file's text, refused locally when it holds no PEM certificate. */
    static String pem(Path file) throws IOException {
        Certificates.readPem(file);
        return Files.readString(file);
    }

    static String keyOf(Path pem) throws IOException {
        return Base64.getEncoder()
                .encodeToString(Ed25519Keys.rawPublicKey(
                        Certificates.readPem(pem).get(0).getPublicKey()));
    }

    @Command(
            name = "chip",
            mixinStandardHelpOptions = true,
            description = "Registers a chip (GPU board) under a licence, declared at a site.")
    static final class Chip extends Send {
        @Option(names = "--serial", required = true, description = "Board serial: 1-64 letters, digits or . _ : -.")
        String serial;

        @Option(names = "--model", required = true, description = "Model, e.g. 'NVIDIA H100 80GB HBM3' (up to 64).")
        String model;

        @ArgGroup(exclusive = true)
        DeviceKey key;

        @Option(names = "--licence-id", description = "Registered licence covering it (its chip_count is enforced).")
        String licenceId;

        @Option(
                names = "--declared-site-id",
                required = true,
                description = "Registered site where it is declared to run (must be the licence's site).")
        String declaredSiteId;

        @Option(names = "--status", description = "${COMPLETION-CANDIDATES} (server default REGISTERED).")
        RegistryValues.ChipStatus status;

        @Override
        RegistryRequest request() throws IOException {
            return new RegistryRequest()
                    .id("serial", serial)
                    .text("model", model)
                    .text("device_public_key", key == null ? null : key.base64)
                    .text("device_certificate", key == null || key.certificate == null ? null : pem(key.certificate))
                    .id("licence_id", licenceId)
                    .id("declared_site_id", declaredSiteId)
                    .name("status", status);
        }

        @Override
        String path() {
            return "/api/v1/chips";
        }
    }

    @Command(
            name = "landmark",
            mixinStandardHelpOptions = true,
            description = "Registers a landmark: a timing server at a surveyed position whose key signs receipts.")
    static final class Landmark extends Send {
        @Option(names = "--id", required = true, description = "Identifier: 1-64 letters, digits or . _ : -.")
        String id;

        @Option(names = "--name", required = true, description = "Name (up to 200 characters).")
        String name;

        @Option(
                names = "--latitude-deg",
                paramLabel = "DEG",
                required = true,
                description = "Surveyed latitude in decimal degrees, [-90, 90].")
        Double latitude;

        @Option(
                names = "--longitude-deg",
                paramLabel = "DEG",
                required = true,
                description = "Surveyed longitude in decimal degrees, [-180, 180].")
        Double longitude;

        @ArgGroup(exclusive = true, multiplicity = "1")
        LandmarkKey key;

        @Option(names = "--status", description = "${COMPLETION-CANDIDATES} (server default ACTIVE).")
        RegistryValues.LandmarkStatus status;

        @Option(
                names = "--operator",
                paramLabel = "ID",
                description = "Trust domain: landmarks of one operator count as one when verdicts tolerate lying"
                        + " landmarks (server default: the landmark's own id, i.e. independent).")
        String operator;

        @Option(
                names = "--position-uncertainty-km",
                paramLabel = "KM",
                description = "How far the true position may be from the surveyed one, [0, 1000]; enlarges every"
                        + " disc the landmark measures (server default 0).")
        Double positionUncertaintyKm;

        @Override
        RegistryRequest request() throws IOException {
            return new RegistryRequest()
                    .id("id", id)
                    .text("name", name)
                    .number("latitude_deg", latitude, -90, false, 90)
                    .number("longitude_deg", longitude, -180, false, 180)
                    .text("public_key", key.resolve())
                    .name("status", status)
                    .id("operator", operator)
                    .number("position_uncertainty_km", positionUncertaintyKm, 0, false, 1000);
        }

        @Override
        String path() {
            return "/api/v1/landmarks";
        }
    }

    @Command(
            name = "custody-event",
            mixinStandardHelpOptions = true,
            description = "Records a custody event of a chip (shipped, received, installed, ...) and its new status.")
    static final class CustodyEvent extends Send {
        @Option(names = "--serial", required = true, description = "The registered chip.")
        String serial;

        @Option(
                names = "--kind",
                required = true,
                description = "${COMPLETION-CANDIDATES}. SHIPPED and MOVED leave the chip IN_TRANSIT, RECEIVED leaves"
                        + " it REGISTERED, INSTALLED leaves it INSTALLED (watched by the SILENT and UNVERIFIED rules).")
        RegistryValues.CustodyKind kind;

        @Option(names = "--site-id", description = "Registered site; required for RECEIVED and INSTALLED.")
        String siteId;

        @Option(names = "--note", description = "Free text (up to 2000 characters), e.g. the shipment's waybill.")
        String note;

        @Option(
                names = "--occurred-at",
                paramLabel = "INSTANT",
                description = "When it happened, ISO-8601 instant (default: now).")
        Instant occurredAt;

        @Override
        RegistryRequest request() {
            RegistryRequest r = new RegistryRequest()
                    .name("kind", kind)
                    .id("site_id", siteId)
                    .text("note", note)
                    .text("occurred_at", occurredAt == null ? null : occurredAt.toString());
            if (siteId == null
                    && (kind == RegistryValues.CustodyKind.RECEIVED || kind == RegistryValues.CustodyKind.INSTALLED)) {
                r.problem("site_id", "", "is required for " + kind + " events");
            }
            return r.pathId("serial", serial);
        }

        @Override
        String path() {
            return "/api/v1/chips/" + URLEncoder.encode(serial, StandardCharsets.UTF_8) + "/custody-events";
        }
    }
}
