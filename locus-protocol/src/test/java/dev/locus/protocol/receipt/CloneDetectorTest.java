package dev.locus.protocol.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.geo.position.GeoPosition;
import dev.locus.protocol.Fixtures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloneDetectorTest {
    private final Fixtures f = new Fixtures(5);
    private final CloneDetector detector = new CloneDetector(1000);

    private Receipt at(GeoPosition landmark, long rttNanos, java.time.Instant when) {
        Receipt r = f.receipt(List.of(rttNanos), when).receipt();
        return new Receipt(
                r.protocolVersion(),
                r.landmarkId(),
                landmark,
                r.landmarkCertificate(),
                r.deviceSerial(),
                r.deviceModel(),
                r.deviceCertificate(),
                r.sessionId(),
                r.minRound(),
                r.minNonce(),
                r.minRttNanos(),
                r.samplesNanos(),
                r.measuredAt(),
                r.issuedAt(),
                r.deviceProof());
    }

    @Test
    void sameIdentityInSingaporeAndShenzhenWithinASecond_isFlagged() {
        Receipt sg = at(GeoPosition.ofDegrees(1.3667, 103.75), 500_000, Fixtures.NOW);
        Receipt sz = at(GeoPosition.ofDegrees(22.5431, 114.0579), 500_000, Fixtures.NOW.plusMillis(800));
        List<CloneDetector.CloneAlert> alerts = detector.detect(List.of(sz, sg));
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).first()).isEqualTo(sg);
        assertThat(alerts.get(0).separationKm()).isBetween(2000.0, 2700.0);
    }

    @Test
    void sameSightingsAFlightApart_areNotFlagged() {
        Receipt sg = at(GeoPosition.ofDegrees(1.3667, 103.75), 500_000, Fixtures.NOW);
        Receipt sz = at(GeoPosition.ofDegrees(22.5431, 114.0579), 500_000, Fixtures.NOW.plus(Duration.ofHours(4)));
        assertThat(detector.detect(List.of(sg, sz))).isEmpty();
    }

    @Test
    void longRoundTripsThatCouldReachBothLandmarks_areNotFlagged() {
        // 20 ms each: 3000 km of reach around each landmark covers the 2600 km between them
        Receipt sg = at(GeoPosition.ofDegrees(1.3667, 103.75), 20_000_000, Fixtures.NOW);
        Receipt sz = at(GeoPosition.ofDegrees(22.5431, 114.0579), 20_000_000, Fixtures.NOW.plusMillis(10));
        assertThat(detector.detect(List.of(sg, sz))).isEmpty();
    }
}
