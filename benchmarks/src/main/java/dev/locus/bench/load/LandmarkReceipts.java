package dev.locus.bench.load;

import dev.locus.protocol.crypto.Fingerprint;
import dev.locus.protocol.identity.DeviceKey;
import dev.locus.protocol.identity.LandmarkKey;
import dev.locus.protocol.receipt.SignedReceipt;
import dev.locus.protocol.wire.Nonce;
import dev.locus.protocol.wire.ProofMessage;
import dev.locus.protocol.wire.SessionId;
import dev.locus.server.ingest.ProtocolReceipts;
import dev.locus.server.ingest.Receipt;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Receipts as a Locus landmark issues them, made without any network: the device's proof of the
 * shortest round, signed by the landmark. For load runs and tests that need many valid receipts.
 */
public final class LandmarkReceipts {
    private LandmarkReceipts() {}

    /** The receipt {@code landmark} issues for {@code device}, proven by its certified key. */
    public static Receipt issue(LandmarkKey landmark, DeviceKey device, List<Long> samples, Instant at, Random random) {
        return issue(
                landmark,
                device.identity().serial(),
                device.identity().model(),
                device.identity().fingerprint(),
                device::sign,
                samples,
                at,
                random);
    }

    /**
     * The receipt {@code landmark} issues for the device {@code serial}: a session and nonce drawn
     * from {@code random}, the round trips {@code samples} (nanoseconds) measured and issued at
     * {@code at}, and the device's proof of the shortest round, signed by {@code prover} over a proof
     * message that names the device key {@code deviceKey}.
     */
    public static Receipt issue(
            LandmarkKey landmark,
            String serial,
            String model,
            Fingerprint deviceKey,
            UnaryOperator<byte[]> prover,
            List<Long> samples,
            Instant at,
            Random random) {
        SessionId session = new SessionId(random.nextLong(), random.nextLong());
        Nonce nonce = new Nonce(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
        int minRound = samples.indexOf(Collections.min(samples));
        String landmarkId = landmark.identity().id();
        byte[] proof = prover.apply(ProofMessage.of(session, minRound, nonce, landmarkId, deviceKey));
        return ProtocolReceipts.toReceipt(SignedReceipt.sign(
                dev.locus.protocol.receipt.Receipt.of(
                        landmark.identity(),
                        serial,
                        model,
                        deviceKey,
                        session,
                        minRound,
                        nonce,
                        samples,
                        at,
                        at,
                        proof),
                landmark));
    }
}
