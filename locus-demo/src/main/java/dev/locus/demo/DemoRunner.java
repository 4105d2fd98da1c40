package dev.locus.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.agent.Agent;
import dev.locus.agent.AgentConfig;
import dev.locus.landmark.LandmarkConfig;
import dev.locus.landmark.LandmarkServer;
import dev.locus.protocol.crypto.Ed25519Keys;
import dev.locus.protocol.identity.CertificateAuthority;
import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.identity.IdentityVerifier;
import dev.locus.protocol.identity.LandmarkKey;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import dev.locus.server.ControlPlane;
import dev.locus.server.ServerConfig;
import dev.locus.server.persistence.DataDirectory;
import dev.locus.server.tls.ApiTransport;
import dev.locus.server.tls.SelfSignedTls;
import dev.locus.server.tls.TlsCredentials;
import dev.locus.sim.latency.LatencyDataset;
import dev.locus.wire.CertificatePin;
import dev.locus.wire.LocusClient;
import dev.locus.wire.ServerTrust;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The whole system on one machine: the control plane on the embedded database, landmarks as real
 * UDP timing servers at real servers' positions, and a fleet of chips whose agents answer through
 * emulated links built from real round trips. Mid-demo, chips are diverted: one rebuilt in Hong
 * Kong, one relaying its challenges through Singapore, one silent, one with a cloned key. The
 * landmarks also measure each other through emulated links ({@link PeerMesh}); one of them is
 * registered at Sydney but really runs in Ho Chi Minh City, and the control plane's mesh audit
 * marks it SUSPECT.
 */
public final class DemoRunner implements AutoCloseable {

    /**
     * Demo settings.
     *
     * @param dataDir where the control plane keeps its database and tokens (wiped at start if it
     *     is a previous demo's)
     * @param port HTTP port of the control plane (0 picks a free one)
     * @param cycle time between measurement rounds of the fleet
     * @param divertAfter when the diversions happen
     * @param alertAfter silence and unverified periods before alerts (policy periods, shortened
     *     for the demo)
     */
    public record Options(Path dataDir, int port, Duration cycle, Duration divertAfter, Duration alertAfter) {
        public static Options defaults(Path dataDir) {
            return new Options(dataDir, 8080, Duration.ofSeconds(3), Duration.ofSeconds(12), Duration.ofSeconds(15));
        }

        public Options withPort(int p) {
            return new Options(dataDir, p, cycle, divertAfter, alertAfter);
        }
    }

    static final String MARKER = ".locus-demo";
    public static final String ADMIN_TOKEN_FILE = "demo-admin-token";

    /** Landmark sites: real servers of the data set (id). */
    private static final List<String> LANDMARK_HOSTS = List.of("31", "36", "57", "64", "72", "65", "6", "165");
    /**
     * A second landmark, run by another organisation, in the cities of the honest chips' sites and in
     * Hong Kong: with verdicts that tolerate one lying operator, a chip is proven IN_ZONE (or, rebuilt
     * in Hong Kong, OUTSIDE_ZONE) only when two independent operators bound it (ADR 0009).
     */
    private static final List<String> SECOND_OPERATOR_HOSTS = List.of("31", "36", "57", "64", "72");

    /** The landmark registered at a false position: claims Sydney (107), really runs in Ho Chi Minh City (232). */
    private static final String MISPLACED_CLAIMS = "107";

    private static final String MISPLACED_REALLY = "232";

    private final Options options;
    private final PrintStream out;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<DemoLandmark> landmarks = new ArrayList<>();
    private final Map<String, String> landmarkTokens = new LinkedHashMap<>();
    private DemoLandmark misplaced;
    private PeerMesh peerMesh;
    private Future<Integer> peerRun;
    private final ExecutorService peerWorker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "demo-peers");
        t.setDaemon(true);
        return t;
    });
    private IdentityVerifier trust;
    private final Map<String, DemoChip> chips = new LinkedHashMap<>();
    /**
     * One agent thread per chip: a chip's cycle is mostly waiting on emulated links (13 landmarks, 5
     * rounds each), so the fleet's cycle lasts about as long as its slowest chip's.
     */
    private final ExecutorService workers = Executors.newFixedThreadPool(12, r -> {
        Thread t = new Thread(r, "demo-agent");
        t.setDaemon(true);
        return t;
    });

    private final LatencyDataset data = LatencyDataset.bundled();
    private final LinkModel links = new LinkModel(data);
    private final SecureRandom random = new SecureRandom();
    private ControlPlane controlPlane;
    private ControlPlaneClient client;
    private TlsCredentials tls;
    private String adminToken;
    private CertificateAuthority ca;
    private Agent agent;
    private Instant startedAt;
    private boolean diverted;

    private DemoRunner(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Starts everything and registers the fleet; measurements begin with {@link #runCycle()}. */
    public static DemoRunner start(Options options, PrintStream out) {
        DemoRunner d = new DemoRunner(options, out);
        try {
            d.boot();
        } catch (RuntimeException e) {
            d.close();
            throw e;
        }
        return d;
    }

    public int port() {
        return controlPlane.port();
    }

    public String adminToken() {
        return adminToken;
    }

    public Path adminTokenFile() {
        return options.dataDir().resolve(ADMIN_TOKEN_FILE);
    }

    private void boot() {
        prepareDataDir(options.dataDir());
        Duration alertAfter = options.alertAfter();
        ca = CertificateAuthority.create(
                "Locus demo manufacturer CA", Duration.ofDays(365), InstantSource.system(), random);
        // Short policy periods and window so the demo's alerts come within a minute. The control
        // plane trusts the demo CA: chips register with their device certificates, and each receipt's
        // device certificate and proof are checked against them.
        ServerConfig defaults = ServerConfig.defaults(options.dataDir());
        tls = SelfSignedTls.ensure(options.dataDir(), List.of());
        ServerConfig config = ServerConfig.builder(options.dataDir())
                .manufacturerCas(List.of(ca.certificate()))
                .transport(ApiTransport.tls(tls))
                .port(options.port())
                .silentFor(alertAfter)
                .unverifiedFor(alertAfter)
                .ruleInterval(Duration.ofSeconds(2))
                .rateLimits(defaults.humanRequestsPerSecond(), 5000)
                .measurementWindow(
                        Duration.ofSeconds(Math.max(6, options.cycle().toSeconds() * 3)))
                .build();
        controlPlane = ControlPlane.start(config, InstantSource.system());
        resources.add(controlPlane);
        client = new ControlPlaneClient(LocusClient.builder("https://127.0.0.1:" + controlPlane.port())
                .trust(ServerTrust.pinned(CertificatePin.parse(tls.fingerprint())))
                // a write is answered once it is durable; with a test suite loading the machine and
                // its disk beside the demo, an import once went unanswered for 30 s
                .requestTimeout(Duration.ofSeconds(120))
                .build());
        try {
            adminToken = Files.readString(options.dataDir().resolve(ControlPlane.ADMIN_TOKEN_FILE))
                    .strip();
            DataDirectory.writePrivate(adminTokenFile(), adminToken + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the control plane's admin token", e);
        }
        // first, before any chip or landmark: the screening lists load (seconds) before the parties
        // are saved and screened, which must not eat into the chips' alert periods
        controlPlane.compliance().screening().lists().loaded();
        DemoParties.register(client, adminToken);
        trust = new IdentityVerifier(ca.certificate(), Set.of(), InstantSource.system());
        startLandmarks(trust);
        agent = new Agent(AgentConfig.defaults().withLandmarkTrust(trust).withAnswerTimeout(Duration.ofSeconds(1)));
        registerFleet();
        peerMesh = PeerMesh.open(landmarks, misplaced, place(MISPLACED_REALLY), links, trust, random);
        resources.add(peerMesh);
        startedAt = Instant.now();
        Thread.ofPlatform().daemon().name("locus-demo-red-flags").start(this::printRedFlagsOnce);
    }

    /**
     * Once the red-flag evaluation of the commercial record has caught up, prints the open findings
     * and the cases in one block, read in this process (no API calls), off the status loop.
     */
    private void printRedFlagsOnce() {
        try {
            controlPlane.compliance().redFlags().awaitIdle();
            List<dev.locus.compliance.findings.StoredFinding> findings = controlPlane
                    .compliance()
                    .findings()
                    .page(Map.of("status", "OPEN"), 0, 200)
                    .items();
            List<dev.locus.compliance.cases.Case> cases =
                    controlPlane.compliance().cases().page(Map.of(), 0, 50).items();
            out.print(redFlagBlock(elapsedSeconds(), findings, cases));
            out.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            out.println("red-flag summary unavailable: " + e.getMessage());
        }
    }

    /** The findings and cases as one block of text, at most 10 findings, most severe first. */
    static String redFlagBlock(
            long elapsedSeconds,
            List<dev.locus.compliance.findings.StoredFinding> findings,
            List<dev.locus.compliance.cases.Case> cases) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                "[%3ds] RED FLAGS %d open finding(s), %d case(s) (dashboard: Red flags; ./locus findings,"
                        + " ./locus cases list)%n",
                elapsedSeconds, findings.size(), cases.size()));
        List<String> severity = List.of("CRITICAL", "WARNING", "INFO");
        findings.stream()
                .sorted(java.util.Comparator.comparingInt(
                        (dev.locus.compliance.findings.StoredFinding f) -> severity.indexOf(f.severity())))
                .limit(10)
                .forEach(f -> b.append(String.format(
                        "        finding %-4d %-8s %-31s %s %s%n",
                        f.id(), f.severity(), f.rule(), f.subjectType().toLowerCase(Locale.ROOT), f.subjectId())));
        if (findings.size() > 10) {
            b.append(String.format("        ... and %d more%n", findings.size() - 10));
        }
        cases.forEach(c -> b.append(String.format(
                "        case %-7d %-8s %s %s: %s%n",
                c.id(), c.status(), c.subjectType().toLowerCase(Locale.ROOT), c.subjectId(), c.title())));
        return b.toString();
    }

    private void startLandmarks(IdentityVerifier trust) {
        for (String hostId : LANDMARK_HOSTS) {
            Place p = place(hostId);
            landmarks.add(startLandmark(p, "", p.name().toLowerCase(Locale.ROOT) + "-ix", trust));
        }
        for (String hostId : SECOND_OPERATOR_HOSTS) {
            Place p = place(hostId);
            landmarks.add(startLandmark(p, "-b", p.name().toLowerCase(Locale.ROOT) + "-university", trust));
        }
        // Not measured by chips (it would only widen or break their regions until the audit catches
        // it); only its peers measure it.
        misplaced = startLandmark(place(MISPLACED_CLAIMS), "", "budget-hosting", trust);
    }

    private DemoLandmark startLandmark(Place place, String suffix, String operator, IdentityVerifier trust) {
        String id = "lm-" + place.name().toLowerCase(Locale.ROOT) + suffix;
        LandmarkKey key = LandmarkKey.generate(ca, id, place.name(), place.position(), Duration.ofDays(30), random);
        LandmarkServer server;
        try {
            server = LandmarkServer.start(LandmarkConfig.builder(key, trust)
                    .bindAddress(new InetSocketAddress("127.0.0.1", 0))
                    .acceptPeers(true)
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start landmark " + id, e);
        }
        resources.add(server);
        return new DemoLandmark(id, place, key, server, operator);
    }

    private void registerFleet() {
        post(
                "/api/v1/organisations",
                Map.of("id", "nvx", "name", "NVX Semiconductors", "kind", "EXPORTER", "country", "US"));
        post(
                "/api/v1/organisations",
                Map.of("id", "apac-cloud", "name", "APAC Cloud Pte", "kind", "CLOUD_OPERATOR", "country", "SG"));
        Map<String, String> sites = new LinkedHashMap<>();
        sites.put("sg-dc1", "31");
        sites.put("kl-dc1", "36");
        sites.put("jkt-dc1", "57");
        sites.put("bkk-dc1", "64");
        sites.forEach((siteId, hostId) -> {
            Place p = place(hostId);
            post(
                    "/api/v1/sites",
                    Map.of(
                            "id",
                            siteId,
                            "name",
                            p.name() + " DC1",
                            "operator_id",
                            "apac-cloud",
                            "country",
                            p.country(),
                            "latitude_deg",
                            p.position().latitudeDegrees(),
                            "longitude_deg",
                            p.position().longitudeDegrees(),
                            "zone_radius_km",
                            500));
            post(
                    "/api/v1/licences",
                    Map.of(
                            "id",
                            "lic-" + siteId,
                            "exporter_id",
                            "nvx",
                            "end_user_id",
                            "apac-cloud",
                            "site_id",
                            siteId,
                            "chip_count",
                            16,
                            "conditions",
                            "no re-export; location attestation every 24 h",
                            "valid_from",
                            LocalDate.now().minusDays(30).toString(),
                            "valid_until",
                            LocalDate.now().plusYears(1).toString()));
        });
        List<DemoLandmark> registered = new ArrayList<>(landmarks);
        registered.add(misplaced);
        for (DemoLandmark l : registered) {
            post(
                    "/api/v1/landmarks",
                    Map.of(
                            "id",
                            l.id(),
                            "name",
                            l.place().name() + " (emulated)",
                            "latitude_deg",
                            l.place().position().latitudeDegrees(),
                            "longitude_deg",
                            l.place().position().longitudeDegrees(),
                            "public_key",
                            Base64.getEncoder()
                                    .encodeToString(Ed25519Keys.rawPublicKey(
                                            l.key().identity().certificate().getPublicKey())),
                            "operator",
                            l.operator()));
            landmarkTokens.put(
                    l.id(),
                    client.post(
                                    "/api/v1/tokens",
                                    adminToken,
                                    Map.of("name", "landmark " + l.id(), "role", "LANDMARK", "bound_subject", l.id()))
                            .path("token")
                            .asText());
        }
        addChip("H100-SG-0001", "sg-dc1", "31", "honest, Singapore");
        addChip("H100-SG-0002", "sg-dc1", "31", "honest, Singapore");
        addChip("H100-KL-0001", "kl-dc1", "36", "honest, Kuala Lumpur");
        addChip("H100-JK-0001", "jkt-dc1", "57", "honest, Jakarta");
        addChip("H100-BK-0001", "bkk-dc1", "64", "honest, Bangkok");
        addChip("H200-SG-0101", "sg-dc1", "31", "will be rebuilt in Hong Kong and answer from there");
        addChip("H200-SG-0102", "sg-dc1", "31", "will be rebuilt in Hong Kong, relaying through Singapore");
        addChip("H100-KL-0201", "kl-dc1", "36", "will go silent (in transit)");
        addChip("H100-SG-0301", "sg-dc1", "31", "its key will be copied to a decoy in Jakarta");
        recordCommercialStory(sites);
    }

    /** The commercial record beside the physical one (see {@link CommercialStory}). */
    private void recordCommercialStory(Map<String, String> sites) {
        Map<String, List<String>> chipsBySite = new LinkedHashMap<>();
        chips.values()
                .forEach(c -> chipsBySite
                        .computeIfAbsent(c.siteId, k -> new ArrayList<>())
                        .add(c.serial));
        Map<String, String> countryBySite = new LinkedHashMap<>();
        sites.forEach(
                (siteId, hostId) -> countryBySite.put(siteId, place(hostId).country()));
        new CommercialStory(client, adminToken).record(chipsBySite, countryBySite);
    }

    private void addChip(String serial, String siteId, String hostId, String story) {
        String model = serial.startsWith("H200") ? "NVIDIA H200 141GB HBM3e" : "NVIDIA H100 80GB HBM3";
        Pkcs12DeviceKey key = Pkcs12DeviceKey.generate(ca, serial, model, Duration.ofDays(30), random);
        post(
                "/api/v1/chips",
                Map.of(
                        "serial",
                        serial,
                        "model",
                        model,
                        "licence_id",
                        "lic-" + siteId,
                        "declared_site_id",
                        siteId,
                        "device_certificate",
                        Certificates.toPem(key.identity().certificate())));
        recordCustody(serial, siteId);
        String token = client.post(
                        "/api/v1/tokens",
                        adminToken,
                        Map.of("name", "agent " + serial, "role", "AGENT", "bound_subject", serial))
                .path("token")
                .asText();
        DemoChip chip = new DemoChip(serial, model, siteId, story, key, token);
        chip.apply(ChipState.at(place(hostId)), landmarks, links);
        resources.add(chip);
        chips.put(serial, chip);
    }

    /** Shipped three weeks ago, received and installed at its site since: the chip is in service. */
    private void recordCustody(String serial, String siteId) {
        String path = "/api/v1/chips/" + serial + "/custody-events";
        Instant now = Instant.now();
        post(
                path,
                Map.of(
                        "kind",
                        "SHIPPED",
                        "note",
                        "from the exporter's warehouse",
                        "occurred_at",
                        now.minus(Duration.ofDays(21)).toString()));
        post(
                path,
                Map.of(
                        "kind",
                        "RECEIVED",
                        "site_id",
                        siteId,
                        "occurred_at",
                        now.minus(Duration.ofDays(14)).toString()));
        post(
                path,
                Map.of(
                        "kind",
                        "INSTALLED",
                        "site_id",
                        siteId,
                        "occurred_at",
                        now.minus(Duration.ofDays(13)).toString()));
    }

    private JsonNode post(String path, Object body) {
        return client.post(path, adminToken, body);
    }

    private Place place(String hostId) {
        return new Place(
                data.host(hostId).orElseThrow(() -> new DemoException("host " + hostId + " not in the data set")));
    }

    /** Prints where to look and what will happen. */
    public void printIntro() {
        out.println();
        out.println("== Locus demo: the whole system on this machine ==");
        out.println("EMULATION: landmarks and chips run here on loopback; each link holds packets for half the real");
        out.println("round trip measured between the servers they stand for (WonderProxy data, 2020-07-19).");
        out.println();
        out.printf("Control plane  %s   (dashboard: open it in a browser)%n", client.base());
        out.printf("API            %s/api/v1/alerts   OpenAPI: %s/api/v1/openapi.json%n", client.base(), client.base());
        out.printf(
                "TLS            self-signed certificate %s (%s); your browser will ask you to accept it%n",
                tls.fingerprint(), options.dataDir().resolve(SelfSignedTls.CERT_FILE));
        out.printf("Log in with    the admin token in %s%n", adminTokenFile());
        out.printf(
                "               curl --cacert %s -H \"Authorization: Bearer $(cat %s)\" %s/api/v1/alerts%n",
                options.dataDir().resolve(SelfSignedTls.CERT_FILE), adminTokenFile(), client.base());
        out.printf(
                "CLI            export LOCUS_SERVER=%s LOCUS_CA_CERT=%s LOCUS_TOKEN=$(cat %s); ./locus alerts%n",
                client.base(), options.dataDir().resolve(SelfSignedTls.CERT_FILE), adminTokenFile());
        out.println();
        out.println("Landmarks (UDP timing servers):");
        for (DemoLandmark l : landmarks) {
            out.printf(
                    "  %-16s %-12s %s  operator %-22s udp %s%n",
                    l.id(), l.place().name(), l.place().position(), l.operator(), l.address());
        }
        out.printf(
                "  %-16s registered at %s's position but really runs in %s: its %d peer links measure it, and the"
                        + " mesh audit should mark it SUSPECT%n",
                misplaced.id(),
                misplaced.place().name(),
                place(MISPLACED_REALLY).name(),
                landmarks.size());
        buyerOwnershipHit()
                .ifPresent(h -> out.printf(
                        "Parties:       %s is owned by a listed firm (%s): %s%n",
                        h.path("matched_name").asText(), h.path("subject_key").asText(), DemoParties.path(h)));
        out.println("Fleet:");
        for (DemoChip c : chips.values()) {
            out.printf("  %-14s %-8s %s%n", c.serial, c.siteId, c.story);
        }
        out.printf(
                "Diversions happen %d s in; alerts follow within the policy periods (%d s for silence and"
                        + " unverified chips in this demo). Ctrl-C stops everything.%n%n",
                options.divertAfter().toSeconds(), options.alertAfter().toSeconds());
    }

    /** One measurement round of the whole fleet; applies the diversions when their time has come. */
    public void runCycle() {
        if (!diverted && Duration.between(startedAt, Instant.now()).compareTo(options.divertAfter()) >= 0) {
            divert();
        }
        // Peer measurements run beside the chips' and never hold a cycle up: one round at a time.
        int peerRoundTrips = collectPeerRun();
        if (peerRun == null) {
            peerRun = peerWorker.submit(() -> peerMesh.probeAndSubmit(client, landmarkTokens));
        }
        List<Future<Integer>> runs = new ArrayList<>();
        for (DemoChip c : chips.values()) {
            runs.add(workers.submit(() -> c.measureAndSubmit(agent, client)));
        }
        int accepted = 0;
        for (Future<Integer> f : runs) {
            try {
                accepted += f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                out.println("  measurement failed: " + e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        out.printf(
                "[%3ds] %d receipts and %d peer round trips accepted; %s%n",
                elapsedSeconds(), accepted, peerRoundTrips, alertSummary());
    }

    /** Round trips accepted by the last finished peer run (0 while one is under way). */
    private int collectPeerRun() {
        if (peerRun == null || !peerRun.isDone()) {
            return 0;
        }
        Future<Integer> done = peerRun;
        peerRun = null;
        try {
            return done.get();
        } catch (java.util.concurrent.ExecutionException e) {
            out.println("  peer measurements failed: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private void divert() {
        diverted = true;
        Place hongKong = place("72");
        Place singapore = place("31");
        Place jakarta = place("57");
        out.printf(
                "[%3ds] DIVERSION H200-SG-0101: server shipped to Hong Kong, rebuilt, answers from there (the jump"
                        + " takes seconds here, faster than any shipment, so the cloned-identity rule fires too)%n",
                elapsedSeconds());
        apply("H200-SG-0101", s -> s.movedTo(hongKong));
        out.printf(
                "[%3ds] DIVERSION H200-SG-0102: rebuilt in Hong Kong, relays every challenge through a proxy in"
                        + " Singapore%n",
                elapsedSeconds());
        apply("H200-SG-0102", s -> s.movedTo(hongKong).relayedThrough(singapore));
        out.printf("[%3ds] SILENCE   H100-KL-0201: stops answering (in transit)%n", elapsedSeconds());
        apply("H100-KL-0201", ChipState::silenced);
        out.printf("[%3ds] CLONE     H100-SG-0301: its key copied to a decoy in Jakarta%n", elapsedSeconds());
        apply("H100-SG-0301", s -> s.clonedAt(jakarta));
    }

    private void apply(String serial, java.util.function.UnaryOperator<ChipState> change) {
        DemoChip c = chips.get(serial);
        c.apply(change.apply(c.state()), landmarks, links);
    }

    /** The Singapore buyer's open ownership hit (OFAC 50 Percent Rule), once screening raised it. */
    public java.util.Optional<JsonNode> buyerOwnershipHit() {
        return DemoParties.buyerOwnershipHit(client, adminToken);
    }

    /** Open alerts by kind and subject, e.g. "open alerts: OUTSIDE_ZONE H200-SG-0101, SILENT H100-KL-0201". */
    public String alertSummary() {
        Map<String, Integer> byKind = new java.util.TreeMap<>();
        for (JsonNode a : openAlerts()) {
            byKind.merge(a.path("rule").asText("?") + " " + a.path("subject_id").asText(""), 1, Integer::sum);
        }
        return byKind.isEmpty() ? "no open alerts" : "open alerts: " + String.join(", ", byKind.keySet());
    }

    /** The red-flag findings and the cases the API lists now, after the evaluation caught up. */
    public JsonNode redFlags(String path) throws InterruptedException {
        controlPlane.compliance().redFlags().awaitIdle();
        return client.get(path, adminToken);
    }

    /** The open alerts as the API lists them. */
    public List<JsonNode> openAlerts() {
        JsonNode items =
                client.get("/api/v1/alerts?status=OPEN&limit=200", adminToken).path("items");
        List<JsonNode> out = new ArrayList<>();
        items.forEach(out::add);
        return out;
    }

    /** Latest verdicts per chip, as the API reports them. */
    public Map<String, String> latestVerdicts() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String serial : chips.keySet()) {
            JsonNode items = client.get("/api/v1/chips/" + serial + "/verdicts?limit=500", adminToken)
                    .path("items");
            out.put(
                    serial,
                    items.isEmpty()
                            ? "none yet"
                            : items.get(items.size() - 1).path("verdicts").toString());
        }
        return out;
    }

    /** Runs cycles until interrupted (Ctrl-C). */
    public void runUntilInterrupted() {
        runUntil(Instant.MAX);
    }

    /** Runs cycles until interrupted or {@code duration} passes. */
    public void runFor(Duration duration) {
        runUntil(Instant.now().plus(duration));
    }

    private void runUntil(Instant end) {
        while (!Thread.currentThread().isInterrupted() && Instant.now().isBefore(end)) {
            long t0 = System.nanoTime();
            try {
                runCycle();
            } catch (DemoException e) {
                if (Thread.currentThread().isInterrupted()) {
                    break; // Ctrl-C while talking to the control plane: stop, not an error
                }
                throw e;
            }
            long sleep = options.cycle().toMillis() - (System.nanoTime() - t0) / 1_000_000;
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (Thread.interrupted()) {
            // Ctrl-C: the JVM is shutting down (the embedded database closes with it), so skip the
            // summary and leave the flag clear for a clean stop of the servers.
            return;
        }
        out.println();
        out.println("Latest verdicts:");
        latestVerdicts().forEach((s, v) -> out.printf("  %-14s %s%n", s, v));
        long p50 = worstLinkOvershootNanos(50);
        long p99 = worstLinkOvershootNanos(99);
        out.printf(
                "Emulated links held packets beyond their modelled delay by p50 %.3f ms, p99 %.3f ms (worst link;"
                        + " scheduling only ever adds delay, which keeps verdicts sound).%n",
                p50 / 1e6, p99 / 1e6);
    }

    /**
     * How much later than modelled the worst of the chips' emulated links delivered its packets, at
     * {@code percentile} (0..100): near zero on a machine with cores to spare; on a starved one the
     * scheduler's delay, which the landmarks measure as distance.
     */
    public long worstLinkOvershootNanos(double percentile) {
        return chips.values().stream()
                .mapToLong(c -> c.relayOvershootNanos(percentile))
                .max()
                .orElse(0);
    }

    private long elapsedSeconds() {
        return Duration.between(startedAt, Instant.now()).toSeconds();
    }

    /** Deletes a previous demo's data directory (recognised by its marker) and creates a fresh one. */
    static void prepareDataDir(Path dir) {
        try {
            if (Files.exists(dir)) {
                boolean previousDemo = Files.exists(dir.resolve(MARKER));
                boolean empty;
                try (Stream<Path> s = Files.list(dir)) {
                    empty = s.findAny().isEmpty();
                }
                if (!previousDemo && !empty) {
                    throw new DemoException("refusing to use " + dir + " for the demo: it holds files that a previous"
                            + " demo did not create; give --data-dir an empty or new directory");
                }
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        if (!p.equals(dir)) {
                            Files.delete(p);
                        }
                    }
                }
            }
            DataDirectory.createPrivateDirectories(dir);
            DataDirectory.writePrivate(
                    dir.resolve(MARKER), "created by ./locus demo; deleted and recreated by the next one\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the demo data directory " + dir, e);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        peerWorker.shutdownNow();
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                out.println("while stopping: " + e.getMessage());
            }
        }
        resources.clear();
    }
}
