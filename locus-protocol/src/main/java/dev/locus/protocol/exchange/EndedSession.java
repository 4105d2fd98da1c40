package dev.locus.protocol.exchange;

import dev.locus.protocol.identity.LandmarkIdentity;
import dev.locus.protocol.receipt.Receipt;
import dev.locus.protocol.receipt.SignedReceipt;
import dev.locus.protocol.wire.Nonce;
import dev.locus.protocol.wire.SessionId;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A measurement session as the answering party (a device's agent, or a landmark probing a peer)
 * saw it, against which it checks the receipt that ends it before keeping it.
 *
 * @param challenger the landmark id the challenges came from
 * @param session the session's id
 * @param answered the nonces this party answered
 * @param rounds how many rounds the session asked for
 * @param answerer how this party is named in a message ("device", "landmark")
 */
public record EndedSession(String challenger, SessionId session, Set<Nonce> answered, int rounds, String answerer) {
    public EndedSession {
        answered = Set.copyOf(answered);
    }

    /**
     * Why {@code signed} does not end this session, or empty when it does: it must be signed by
     * {@code certificate} (the landmark's, called {@code certificateName} in a message), name that
     * landmark's id and position, come from the challenger, be for this session, name this party
     * (which {@code party} checks: why not, or empty), hold a nonce this party answered and every
     * round.
     */
    public Optional<String> mismatch(
            SignedReceipt signed,
            X509Certificate certificate,
            String certificateName,
            LandmarkIdentity landmark,
            Function<Receipt, Optional<String>> party) {
        Receipt r = signed.receipt();
        if (!signed.isSignedBy(certificate)) {
            return Optional.of("receipt signature is not valid for " + certificateName + " " + landmark.fingerprint());
        }
        if (!r.landmarkId().equals(landmark.id()) || !r.landmarkPosition().equals(landmark.position())) {
            return Optional.of("receipt names landmark " + r.landmarkId() + " at " + r.landmarkPosition()
                    + " but the certificate says " + landmark.id() + " at " + landmark.position());
        }
        if (!r.landmarkId().equals(challenger)) {
            return Optional.of(
                    "receipt is from landmark " + r.landmarkId() + " but the challenges came from " + challenger);
        }
        if (!r.sessionId().equals(session)) {
            return Optional.of("receipt is for session " + r.sessionId() + ", expected " + session);
        }
        return party.apply(r).or(() -> {
            if (!answered.contains(r.minNonce())) {
                return Optional.of("receipt's nonce was never answered by this " + answerer);
            }
            if (r.samplesNanos().size() != rounds) {
                return Optional.of("receipt holds " + r.samplesNanos().size() + " rounds, expected " + rounds);
            }
            return Optional.empty();
        });
    }
}
