package dev.locus.sim.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.geo.bound.SpeedBound;
import dev.locus.geo.position.GeoPosition;
import dev.locus.geo.verdict.LicensedZone;
import dev.locus.geo.verdict.Policy;
import dev.locus.geo.verdict.Verdict;
import dev.locus.landmark.LandmarkServer;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import dev.locus.protocol.receipt.ReceiptAssessor;
import dev.locus.protocol.receipt.ReceiptRecord;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scenarios of issue 5 end to end: real landmark servers and a real agent over UDP, with
 * emulated distance from the real WonderProxy round trips, judged by the geo core. Landmarks:
 * Singapore (31), Kuala Lumpur (36), Jakarta (57), Bangkok (64), Hong Kong (72).
 */
class RelayScenariosIT {
    static final String SINGAPORE = "31";
    static final String SHENZHEN = "221";
    static final List<String> LANDMARKS = List.of("31", "36", "57", "64", "72");
    /** A device in the same metro as a landmark: half a millisecond round trip. */
    static final long METRO_ONE_WAY_NANOS = 250_000;

    @Test
    void honestDeviceNearSingapore_excludesRestricted_andIsInZone() throws Exception {
        try (EmulatedWorld w = new EmulatedWorld();
                Pkcs12DeviceKey chip = w.device("SG-HONEST-1")) {
            List<InetSocketAddress> entries = new ArrayList<>();
            for (String id : LANDMARKS) {
                LandmarkServer lm = w.landmarkAt(id);
                entries.add(w.link(lm.localAddress(), honestOneWayNanos(id), "sg-to-" + id)
                        .address());
            }
            GeoPosition site = EmulatedWorld.host(SINGAPORE).position();
            // The proof of the zone needs a tight round trip to the Singapore landmark. The emulated
            // links run in this process: on a machine whose cores are all taken they deliver late,
            // and late is distance. Measure again until the Singapore disc fits the zone (the
            // condition), a bounded number of times; soundness is asserted whatever came of it.
            List<ReceiptRecord> receipts = w.measure(chip, entries, 3);
            for (int attempt = 1; attempt < MAX_ATTEMPTS && !singaporeDiscFitsTheZone(receipts); attempt++) {
                receipts = w.measure(chip, entries, 3);
            }

            ReceiptAssessor.Report report = w.assess(receipts, site);

            assertThat(report.refused()).isEmpty();
            assertThat(report.devices()).hasSize(1);
            var device = report.devices().get(0);
            assertThat(device.measurements()).hasSize(LANDMARKS.size());
            assertThat(device.cloneAlerts()).isEmpty();
            // soundness: extra delay only widens the discs, so the chip's true place stays inside
            // and no verdict against it can follow
            assertThat(device.assessment().verdicts())
                    .doesNotContain(Verdict.OUTSIDE_ZONE, Verdict.IN_RESTRICTED, Verdict.INCONSISTENT);
            assertThat(device.assessment().region().contains(site.toS2Point())).isTrue();
            // every measured round trip is at least the emulated one: emulation only adds delay
            for (ReceiptRecord r : receipts) {
                assertThat(r.receipt().minRttNanos()).isGreaterThanOrEqualTo(2 * honestOneWayNanos(hostOf(r)));
            }
            if (singaporeDiscFitsTheZone(receipts)) {
                assertThat(device.assessment().verdicts()).contains(Verdict.EXCLUDES_RESTRICTED, Verdict.IN_ZONE);
            } else {
                System.out.printf(
                        "RelayScenariosIT: Singapore's round trip stayed above %.1f ms in %d measurements"
                                + " (starved machine): soundness checked only%n",
                        ZONE_FITTING_RTT_NANOS / 1e6, MAX_ATTEMPTS);
            }
        }
    }

    /** Measurements of the honest chip before its proof is given up as a starved machine's. */
    static final int MAX_ATTEMPTS = 5;
    /**
     * The largest Singapore round trip whose disc (at the speed of light, centred on the declared
     * site) lies inside {@link Policy#DEFAULT}'s zone (500 km), less a tenth for the region's cells.
     */
    static final long ZONE_FITTING_RTT_NANOS = (long)
            (0.9 * 2 * ((LicensedZone.Radius) Policy.DEFAULT.zone()).radius().km() / SpeedBound.C_KM_PER_MS * 1e6);

    static boolean singaporeDiscFitsTheZone(List<ReceiptRecord> receipts) {
        return receipts.stream()
                .filter(r -> hostOf(r).equals(SINGAPORE))
                .allMatch(r -> r.receipt().minRttNanos() < ZONE_FITTING_RTT_NANOS);
    }

    static String hostOf(ReceiptRecord r) {
        return r.receipt().landmarkId().substring("lm-".length());
    }

    /** The honest chip's one-way delay to a landmark: a metro link in Singapore, else measured. */
    static long honestOneWayNanos(String hostId) {
        return hostId.equals(SINGAPORE) ? METRO_ONE_WAY_NANOS : EmulatedWorld.oneWayNanos(SINGAPORE, hostId);
    }

    @Test
    void chipInShenzhenRelayedThroughSingapore_isNeverInZone_withTheMeasuredLink() throws Exception {
        assertRelayedShenzhenChipIsNotInZone(EmulatedWorld.oneWayNanos(SHENZHEN, SINGAPORE));
    }

    @Test
    void chipInShenzhenRelayedThroughSingapore_isNeverInZone_evenOverALightSpeedLink() throws Exception {
        // the attacker's best physically possible link: straight line at c, no processing at all
        GeoPosition sz = EmulatedWorld.host(SHENZHEN).position();
        GeoPosition sg = EmulatedWorld.host(SINGAPORE).position();
        double km = sz.geodesicDistanceTo(sg).km();
        long oneWayAtC = (long) (km / 299_792.458 * 1e9);
        assertRelayedShenzhenChipIsNotInZone(oneWayAtC);
    }

    private void assertRelayedShenzhenChipIsNotInZone(long shenzhenToSingaporeOneWayNanos) throws Exception {
        try (EmulatedWorld w = new EmulatedWorld();
                Pkcs12DeviceKey chip = w.device("SZ-DIVERTED-1")) {
            List<InetSocketAddress> entries = new ArrayList<>();
            for (String id : LANDMARKS) {
                LandmarkServer lm = w.landmarkAt(id);
                // the proxy in Singapore sits right next to each landmark's Singapore path...
                long proxyToLandmark =
                        id.equals(SINGAPORE) ? METRO_ONE_WAY_NANOS : EmulatedWorld.oneWayNanos(SINGAPORE, id);
                DelayRelay proxyLeg = w.link(lm.localAddress(), proxyToLandmark, "proxy-to-" + id);
                // ...and forwards every challenge to the real chip in Shenzhen
                DelayRelay chipLeg = w.link(proxyLeg.address(), shenzhenToSingaporeOneWayNanos, "sz-to-proxy-" + id);
                entries.add(chipLeg.address());
            }
            List<ReceiptRecord> receipts = w.measure(chip, entries, 2);

            ReceiptAssessor.Report report =
                    w.assess(receipts, EmulatedWorld.host(SINGAPORE).position());

            assertThat(report.refused()).isEmpty();
            var device = report.devices().get(0);
            assertThat(device.assessment().verdicts())
                    .doesNotContain(Verdict.IN_ZONE)
                    .doesNotContain(Verdict.EXCLUDES_RESTRICTED);
            // soundness: the region the receipts prove still contains the chip's true position
            assertThat(device.assessment()
                            .region()
                            .contains(EmulatedWorld.host(SHENZHEN).position().toS2Point()))
                    .isTrue();
        }
    }

    @Test
    void deviceKeyCopiedToADecoyNearSingapore_whileTheChipAnswersInShenzhen_isFlaggedAsClone() throws Exception {
        try (EmulatedWorld w = new EmulatedWorld();
                Pkcs12DeviceKey chip = w.device("SZ-CLONED-1")) {
            LandmarkServer singapore = w.landmarkAt(SINGAPORE);
            LandmarkServer shenzhen = w.landmarkAt(SHENZHEN);
            // the decoy holds a copy of the key and sits in Singapore; the chip answers in Shenzhen
            InetSocketAddress decoyEntry = w.link(singapore.localAddress(), METRO_ONE_WAY_NANOS, "decoy")
                    .address();
            InetSocketAddress chipEntry =
                    w.link(shenzhen.localAddress(), METRO_ONE_WAY_NANOS, "chip").address();
            List<ReceiptRecord> receipts = w.measure(chip, List.of(decoyEntry, chipEntry), 3);

            ReceiptAssessor.Report report =
                    w.assess(receipts, EmulatedWorld.host(SINGAPORE).position());

            var device = report.devices().get(0);
            assertThat(device.cloneAlerts()).hasSize(1);
            // ~2,590 km between the landmarks less both discs; the emulated metro links run slower
            // under load, so leave room below, and none above the distance itself.
            assertThat(device.cloneAlerts().get(0).separationKm()).isBetween(1000.0, 2600.0);
            assertThat(device.cloneAlerts().get(0).describe())
                    .contains("SZ-CLONED-1")
                    .contains("cloned");
            // and the two discs do not even intersect: the geo core calls the set inconsistent
            assertThat(device.assessment().verdicts()).contains(Verdict.INCONSISTENT);
        }
    }
}
