package dev.locus.compliance.screening;

import dev.locus.compliance.parties.RegisteredParty;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 fingerprints of what a hit was raised on, so a dismissed hit returns only after a change. */
final class Fingerprints {
    private Fingerprints() {}

    /** What screening reads of a party: kind, names, aliases, numbers, addresses, countries, date. */
    static String party(RegisteredParty p) {
        return sha256(String.join(
                "\u001e",
                List.of(
                        p.kind().name(),
                        String.join("\u001f", p.names()),
                        String.join("\u001f", p.aliases()),
                        String.join("\u001f", p.registrationNumbers()),
                        String.join("\u001f", p.addresses()),
                        p.countryOfIncorporation().orElse(""),
                        p.headquartersCountry().orElse(""),
                        p.incorporatedOn().map(Object::toString).orElse(""))));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
