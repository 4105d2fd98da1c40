package dev.locus.protocol.receipt;

import dev.locus.geo.position.GeoPosition;
import dev.locus.protocol.crypto.Fingerprint;
import dev.locus.protocol.identity.LandmarkIdentity;
import dev.locus.protocol.wire.Fields;
import dev.locus.protocol.wire.Nonce;
import dev.locus.protocol.wire.ProtocolVersion;
import dev.locus.protocol.wire.SessionId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a landmark attests after a measurement session: which certified device answered, at which
 * landmark (id and surveyed position), with which nonce, in how many nanoseconds at best, and when.
 * The verifier needs nothing else to bound the device's position. Instants are kept to the
 * microsecond (the wire precision).
 *
 * @param protocolVersion protocol version the measurement ran under
 * @param landmarkId the landmark's id
 * @param landmarkPosition its certified surveyed position
 * @param landmarkCertificate fingerprint of the landmark certificate that signs this receipt
 * @param deviceSerial the certified device serial
 * @param deviceModel the certified device model
 * @param deviceCertificate fingerprint of the device certificate
 * @param sessionId the measurement session
 * @param minRound the round (0-based) of the shortest round trip
 * @param minNonce the nonce of that round
 * @param minRttNanos the shortest round trip, in nanoseconds (monotonic clock of the landmark)
 * @param samplesNanos every verified round trip of the session, in round order, in nanoseconds
 * @param measuredAt wall-clock time when the shortest round's challenge was sent
 * @param issuedAt wall-clock time the receipt was signed
 * @param deviceProof the device's signature over the shortest round's {@link
 *     dev.locus.protocol.wire.ProofMessage}, so anyone holding the device certificate can check it
 */
public record Receipt(
        int protocolVersion,
        String landmarkId,
        GeoPosition landmarkPosition,
        Fingerprint landmarkCertificate,
        String deviceSerial,
        String deviceModel,
        Fingerprint deviceCertificate,
        SessionId sessionId,
        int minRound,
        Nonce minNonce,
        long minRttNanos,
        List<Long> samplesNanos,
        Instant measuredAt,
        Instant issuedAt,
        byte[] deviceProof) {

    public Receipt {
        if (protocolVersion != ProtocolVersion.RECEIPT_FORMAT) {
            throw new IllegalArgumentException(
                    "protocolVersion must be " + ProtocolVersion.RECEIPT_FORMAT + ", got " + protocolVersion);
        }
        Fields.checkId("landmarkId", landmarkId);
        Objects.requireNonNull(landmarkPosition, "landmarkPosition");
        Objects.requireNonNull(landmarkCertificate, "landmarkCertificate");
        Fields.checkId("deviceSerial", deviceSerial);
        Fields.checkId("deviceModel", deviceModel);
        Objects.requireNonNull(deviceCertificate, "deviceCertificate");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(minNonce, "minNonce");
        samplesNanos = List.copyOf(samplesNanos);
        if (samplesNanos.isEmpty() || samplesNanos.size() > ProtocolVersion.MAX_ROUNDS) {
            throw new IllegalArgumentException("samplesNanos must hold 1.." + ProtocolVersion.MAX_ROUNDS
                    + " round trips, got " + samplesNanos.size());
        }
        long min = Long.MAX_VALUE;
        for (long s : samplesNanos) {
            if (s <= 0) {
                throw new IllegalArgumentException("every sample must be > 0 ns, got " + s);
            }
            min = Math.min(min, s);
        }
        if (minRttNanos != min) {
            throw new IllegalArgumentException(
                    "minRttNanos must equal the smallest sample " + min + ", got " + minRttNanos);
        }
        if (minRound < 0 || minRound > 254) {
            throw new IllegalArgumentException("minRound must be in [0, 254], got " + minRound);
        }
        measuredAt = measuredAt.truncatedTo(ChronoUnit.MICROS);
        issuedAt = issuedAt.truncatedTo(ChronoUnit.MICROS);
        if (deviceProof.length == 0 || deviceProof.length > ProtocolVersion.MAX_SIGNATURE_BYTES) {
            throw new IllegalArgumentException("deviceProof must be 1.." + ProtocolVersion.MAX_SIGNATURE_BYTES
                    + " bytes, got " + deviceProof.length);
        }
        deviceProof = deviceProof.clone();
    }

    /**
     * The receipt a landmark issues for a session it timed: its own and the device's certified
     * fields (the device named by its serial, model and key or certificate fingerprint), the shortest of {@code samplesNanos} (at {@code minRound}) and the device's proof of
     * that round, in the current receipt format.
     */
    public static Receipt of(
            LandmarkIdentity landmark,
            String deviceSerial,
            String deviceModel,
            Fingerprint deviceKey,
            SessionId sessionId,
            int minRound,
            Nonce minNonce,
            List<Long> samplesNanos,
            Instant measuredAt,
            Instant issuedAt,
            byte[] deviceProof) {
        return new Receipt(
                ProtocolVersion.RECEIPT_FORMAT,
                landmark.id(),
                landmark.position(),
                landmark.fingerprint(),
                deviceSerial,
                deviceModel,
                deviceKey,
                sessionId,
                minRound,
                minNonce,
                samplesNanos.get(minRound),
                samplesNanos,
                measuredAt,
                issuedAt,
                deviceProof);
    }

    @Override
    public byte[] deviceProof() {
        return deviceProof.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Receipt r
                && r.protocolVersion == protocolVersion
                && r.landmarkId.equals(landmarkId)
                && r.landmarkPosition.equals(landmarkPosition)
                && r.landmarkCertificate.equals(landmarkCertificate)
                && r.deviceSerial.equals(deviceSerial)
                && r.deviceModel.equals(deviceModel)
                && r.deviceCertificate.equals(deviceCertificate)
                && r.sessionId.equals(sessionId)
                && r.minRound == minRound
                && r.minNonce.equals(minNonce)
                && r.minRttNanos == minRttNanos
                && r.samplesNanos.equals(samplesNanos)
                && r.measuredAt.equals(measuredAt)
                && r.issuedAt.equals(issuedAt)
                && Arrays.equals(r.deviceProof, deviceProof);
    }

    @Override
    public int hashCode() {
        return Objects.hash(landmarkId, deviceSerial, sessionId, minNonce, minRttNanos, measuredAt);
    }

    @Override
    public String toString() {
        return "Receipt[" + landmarkId + " <- " + deviceSerial + ", minRtt=" + minRttNanos + " ns over "
                + samplesNanos.size() + " rounds, at " + measuredAt + "]";
    }
}
