package dev.locus.server.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.server.verdicts.Headline;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * What an alert says when it is shown, written at display time from its rule, evidence and the
 * chip's latest verdict, so that ages grow with the silence and no text contradicts a proof: an
 * UNVERIFIED chip whose location is proven outside its zone is not said to have "no proven
 * location", and a copied identity says what that means. Rules whose stored summary holds no age
 * keep it. Ages use one scale everywhere ({@link #age}). The dashboard's alert list and the chip
 * report both word alerts here.
 */
public final class AlertText {
    private AlertText() {}

    /** "45 s", "12 min", "6 h", "3 d": the unit changes at 60 s, 60 min and 48 h, as in the page. */
    public static String age(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 48 * 3600) {
            return s / 3600 + " h";
        }
        return s / 86_400 + " d";
    }

    /**
     * @param latestVerdicts the subject chip's latest verdict set as stored, if it has one
     */
    public static String describe(
            String rule,
            String subjectId,
            String storedSummary,
            JsonNode evidence,
            Instant now,
            Optional<String> latestVerdicts) {
        return switch (rule) {
            case "SILENT" -> silent(subjectId, evidence, now).orElse(storedSummary);
            case "UNVERIFIED" -> unverified(subjectId, evidence, latestVerdicts);
            case "CLONED_IDENTITY" -> cloned(subjectId, evidence).orElse(storedSummary);
            default -> storedSummary;
        };
    }

    private static Optional<String> silent(String chip, JsonNode e, Instant now) {
        Optional<Instant> last = instant(e.path("last_attestation_at"));
        Optional<Instant> registered = instant(e.path("registered_at"));
        String policy = policy(e);
        if (last.isPresent()) {
            return Optional.of("Chip " + chip + " has not attested for " + age(Duration.between(last.get(), now))
                    + policy + "; its last proof of location is that old.");
        }
        return registered.map(r -> "Chip " + chip + " has never attested since it was registered "
                + age(Duration.between(r, now)) + " ago" + policy + ".");
    }

    private static String unverified(String chip, JsonNode e, Optional<String> latestVerdicts) {
        String policy = policy(e);
        Headline latest = Headline.of(latestVerdicts.orElse(null));
        return switch (latest) {
            case OUTSIDE_ZONE ->
                "No verdict has proven chip " + chip + " inside its licensed zone" + policy
                        + ": its location is proven, outside the zone (see its OUTSIDE_ZONE alert).";
            case IN_RESTRICTED ->
                "No verdict has proven chip " + chip + " compliant" + policy
                        + ": its location is proven, inside a restricted jurisdiction (see its IN_RESTRICTED alert).";
            case INCONSISTENT ->
                "No verdict has proven chip " + chip + " compliant" + policy
                        + ": its answers fit no single place (a copied identity, or a wrong landmark).";
            case NO_VERDICT -> "Chip " + chip + " has never been located" + policy + ".";
            case IN_ZONE, EXCLUDES_RESTRICTED ->
                "No recent proof for chip " + chip
                        + ": its last proof of compliance is older than allowed" + policy
                        + "; the latest verdict rests on old answers.";
            default ->
                "No verdict has proven where chip " + chip + " is" + policy
                        + ": the landmarks it answered are too few or too far to decide.";
        };
    }

    private static Optional<String> cloned(String chip, JsonNode e) {
        JsonNode landmarks = e.path("landmarks");
        if (!landmarks.isArray() || landmarks.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "Chip %s answered landmark %s and landmark %s, %,.0f km apart; light and at most %,.0f km/h of"
                        + " travel between the two answers allow %,.0f km. One device cannot do that: two devices"
                        + " answer with this chip's identity, so its key has probably been copied, and one of them"
                        + " may be the real chip elsewhere.",
                chip,
                landmarks.get(0).asText(),
                landmarks.get(1).asText(),
                e.path("landmark_distance_km").asDouble(),
                e.path("max_travel_km_per_hour").asDouble(),
                e.path("max_reach_km").asDouble()));
    }

    private static String policy(JsonNode e) {
        JsonNode p = e.path("policy_seconds");
        return p.isNumber() ? " (allowed: " + age(Duration.ofSeconds(p.asLong())) + ")" : "";
    }

    private static Optional<Instant> instant(JsonNode n) {
        if (!n.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(n.asText()));
        } catch (DateTimeParseException ex) {
            return Optional.empty();
        }
    }
}
