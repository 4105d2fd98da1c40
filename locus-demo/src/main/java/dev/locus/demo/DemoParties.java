package dev.locus.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's parties: a Singapore buyer incorporated in 2024, 60 % owned through two holding
 * companies (Hong Kong 100 % of a BVI company that holds 60 %) by a Chinese firm that is really on
 * the bundled OFAC SDN list (Wuhan Sanjiang Import and Export Co., Ltd., SDN entry 23063, program
 * NPWMD), the other 40 % by a person. Screening raises the firm as a list match and the buyer as an
 * ownership hit (OFAC 50 Percent Rule) with the path from the listed firm.
 */
final class DemoParties {
    static final String BUYER = "sg-lion-gate";
    static final String LISTED = "cn-wuhan-sanjiang";
    static final List<String> PATH = List.of(LISTED, "hk-harbour-crest", "vg-bright-isle", BUYER);

    private DemoParties() {}

    /** Registers the parties and their ownership through the API; screening runs as each is saved. */
    static void register(ControlPlaneClient client, String token) {
        party(
                client,
                token,
                LISTED,
                "COMPANY",
                List.of("Wuhan Sanjiang Import and Export Co., Ltd.", "武汉三江进出口有限公司"),
                List.of("USCCC 91420112711981060J"),
                "CN",
                "2000-06-12");
        party(
                client,
                token,
                "hk-harbour-crest",
                "COMPANY",
                List.of("Harbour Crest Holdings Limited", "港峰控股有限公司"),
                List.of("CR 3051872"),
                "HK",
                "2021-05-04");
        party(
                client,
                token,
                "vg-bright-isle",
                "COMPANY",
                List.of("Bright Isle Ventures Ltd."),
                List.of("BVI 2109934"),
                "VG",
                "2023-11-20");
        party(client, token, "sg-tan-mei-ling", "PERSON", List.of("Tan Mei Ling"), List.of(), "SG", "");
        party(
                client,
                token,
                BUYER,
                "CONSIGNEE",
                List.of("Lion Gate Compute Pte. Ltd."),
                List.of("UEN 202405123K", "LEI:98450012AB34CD56EF78"),
                "SG",
                "2024-02-14");
        link(client, token, "hk-harbour-crest", LISTED, 100, "2021-05-04");
        link(client, token, "vg-bright-isle", "hk-harbour-crest", 100, "2023-11-20");
        link(client, token, BUYER, "vg-bright-isle", 60, "2024-02-14");
        link(client, token, BUYER, "sg-tan-mei-ling", 40, "2024-02-14");
    }

    private static void party(
            ControlPlaneClient client,
            String token,
            String id,
            String kind,
            List<String> names,
            List<String> numbers,
            String country,
            String incorporatedOn) {
        Map<String, Object> p = party(id, kind, names, country);
        p.put("registration_numbers", numbers);
        if (!incorporatedOn.isEmpty()) {
            p.put("incorporated_on", incorporatedOn);
        }
        client.post("/api/v1/parties", token, p);
    }

    /**
     * A party as {@code POST /api/v1/parties} takes it, with its names and country of incorporation;
     * the caller adds the optional fields it knows.
     */
    static Map<String, Object> party(String id, String kind, List<String> names, String country) {
        return new HashMap<>(Map.of("id", id, "kind", kind, "names", names, "country_of_incorporation", country));
    }

    /** Links {@code owner} to {@code owned} with {@code pct} percent from the date {@code from}. */
    static void link(ControlPlaneClient client, String token, String owned, String owner, double pct, String from) {
        client.post(
                "/api/v1/parties/" + owned + "/owners",
                token,
                Map.of("owner_id", owner, "percent", pct, "valid_from", from));
    }

    /** The open hits of a party (list matches and ownership rules). */
    static List<JsonNode> openHits(ControlPlaneClient client, String token, String partyId) {
        JsonNode page = client.get(
                "/api/v1/screening/hits?status=OPEN&party_id=" + URLEncoder.encode(partyId, StandardCharsets.UTF_8),
                token);
        List<JsonNode> out = new ArrayList<>();
        page.path("items").forEach(out::add);
        return out;
    }

    /** The buyer's open ownership hit under the OFAC 50 Percent Rule, once screening raised it. */
    static Optional<JsonNode> buyerOwnershipHit(ControlPlaneClient client, String token) {
        return openHits(client, token, BUYER).stream()
                .filter(h -> h.path("subject_key").asText().equals("OWNERSHIP:OFAC-50-PERCENT"))
                .findFirst();
    }

    /** An ownership hit's first path as one line: {@code A -100%-> B -60%-> C = 60 %}. */
    static String path(JsonNode hit) {
        JsonNode p = hit.path("explanation").path("paths").path(0);
        StringBuilder b = new StringBuilder();
        JsonNode parties = p.path("parties");
        for (int i = 0; i < parties.size(); i++) {
            if (i > 0) {
                b.append(String.format(
                        Locale.ROOT,
                        " -%.0f%%-> ",
                        p.path("percents").path(i - 1).asDouble()));
            }
            b.append(parties.get(i).path("name").asText());
        }
        return b.append(String.format(
                        Locale.ROOT, " = %.0f %%", p.path("share_percent").asDouble()))
                .toString();
    }
}
