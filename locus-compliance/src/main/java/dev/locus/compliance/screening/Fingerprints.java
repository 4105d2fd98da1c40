package dev.locus.compliance.screening;

import dev.locus.compliance.parties.PartyDetails;
import dev.locus.server.common.Sha256;
import java.util.List;

/** SHA-256 fingerprints of what a hit was raised on, so a dismissed hit returns only after a change. */
final class Fingerprints {
    private Fingerprints() {}

    /** What screening reads of a party: kind, names, aliases, numbers, addresses, countries, date. */
    static String party(PartyDetails p) {
        return Sha256.hex(String.join(
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
}
