package dev.locus.sim.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locus.geo.audit.AuditReport;
import dev.locus.geo.audit.SuspectLandmark;
import dev.locus.geo.position.GeoPosition;
import dev.locus.geo.region.Disc;
import dev.locus.geo.verdict.Assessment;
import dev.locus.geo.verdict.LicensedZone;
import dev.locus.geo.verdict.Policy;
import dev.locus.geo.verdict.Verdict;
import dev.locus.sim.latency.Host;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The outcome of an {@link Evaluation}: per-claim verdicts, the mesh audit and a summary. */
public record EvalReport(
        Policy policy,
        AuditReport audit,
        List<Entry> entries,
        int trustedLandmarks,
        long assessNanos,
        boolean explicitClaims,
        boolean deviceOutsideAudit) {

    /**
     * One (device, claim) evaluation.
     *
     * @param device the device host
     * @param claim the claimed site
     * @param assessment verdicts and evidence
     * @param suspectDevice whether the device's own published position failed the mesh audit
     * @param unsound proven verdicts that contradict the published position (must be empty)
     * @param restrictedDevice whether the device is published in a restricted jurisdiction
     */
    public record Entry(
            Host device,
            GeoPosition claim,
            Assessment assessment,
            boolean suspectDevice,
            List<String> unsound,
            boolean restrictedDevice) {}

    /** Headline figures. */
    public record Summary(
            int entries,
            long devices,
            long nonRestrictedDevices,
            long excludesRestricted,
            long restrictedDevices,
            long restrictedDevicesExcluded,
            long inZone,
            long outsideZone,
            long inRestricted,
            long inconclusive,
            long inconsistent,
            long unsoundVerdicts,
            long undecided,
            double verdictsPerSecond) {

        /** Share of non-restricted entries proven outside the restricted jurisdictions. */
        public double excludesRestrictedShare() {
            return nonRestrictedDevices == 0 ? 0 : (double) excludesRestricted / nonRestrictedDevices;
        }
    }

    public Summary summary() {
        List<Entry> nonRestricted =
                entries.stream().filter(e -> !e.restrictedDevice()).toList();
        List<Entry> restricted =
                entries.stream().filter(Entry::restrictedDevice).toList();
        return new Summary(
                entries.size(),
                entries.stream().map(e -> e.device().id()).distinct().count(),
                nonRestricted.size(),
                count(nonRestricted, Verdict.EXCLUDES_RESTRICTED),
                restricted.size(),
                count(restricted, Verdict.EXCLUDES_RESTRICTED),
                count(entries, Verdict.IN_ZONE),
                count(entries, Verdict.OUTSIDE_ZONE),
                count(entries, Verdict.IN_RESTRICTED),
                count(entries, Verdict.INCONCLUSIVE),
                count(entries, Verdict.INCONSISTENT),
                entries.stream().mapToLong(e -> e.unsound().size()).sum(),
                entries.stream()
                        .filter(e -> !e.assessment().evidence().undecided().isEmpty())
                        .count(),
                assessNanos == 0 ? 0 : entries.size() / (assessNanos / 1e9));
    }

    private static long count(List<Entry> es, Verdict v) {
        return es.stream().filter(e -> e.assessment().has(v)).count();
    }

    /** The machine-readable report. */
    public String toJson() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        Summary s = summary();
        ObjectNode sum = root.putObject("summary");
        sum.put("entries", s.entries());
        sum.put("devices", s.devices());
        sum.put("non_restricted_devices", s.nonRestrictedDevices());
        sum.put("excludes_restricted", s.excludesRestricted());
        sum.put("excludes_restricted_share", round(s.excludesRestrictedShare(), 4));
        sum.put("restricted_devices", s.restrictedDevices());
        sum.put("restricted_devices_excluded", s.restrictedDevicesExcluded());
        sum.put("in_zone", s.inZone());
        sum.put("outside_zone", s.outsideZone());
        sum.put("in_restricted", s.inRestricted());
        sum.put("inconclusive", s.inconclusive());
        sum.put("inconsistent", s.inconsistent());
        sum.put("unsound_verdicts", s.unsoundVerdicts());
        sum.put("undecided_at_resolution_limit", s.undecided());
        sum.put("verdicts_per_second", round(s.verdictsPerSecond(), 1));
        sum.put("landmarks_trusted", trustedLandmarks);
        sum.put("suspect_landmarks", audit.suspects().size());
        sum.put("claims", explicitClaims ? "claims file" : "published positions");
        sum.put("tolerated_liars", policy.toleratedLiars());
        sum.put("device_outside_audit", deviceOutsideAudit);
        sum.put(
                "proven_only_if_all_honest",
                entries.stream()
                        .filter(e -> !e.assessment().honestOnly().isEmpty())
                        .count());
        ObjectNode pol = root.putObject("policy");
        pol.put("speed_km_per_ms", policy.speed().kmPerMs());
        pol.put("provable", policy.speed().provable());
        ArrayNode restrictedCodes = pol.putArray("restricted");
        policy.restricted().stream().sorted().forEach(restrictedCodes::add);
        switch (policy.zone()) {
            case LicensedZone.Radius r -> pol.put("zone_radius_km", r.radius().km());
            case LicensedZone.Countries c -> {
                ArrayNode zc = pol.putArray("zone_countries");
                c.codes().forEach(zc::add);
            }
        }
        pol.put("border_margin_km", policy.borderMargin().km());
        pol.put("tolerated_liars", policy.toleratedLiars());
        ArrayNode suspects = root.putArray("suspect_landmarks");
        for (SuspectLandmark sl : audit.suspects()) {
            ObjectNode n = suspects.addObject();
            n.put("id", sl.landmark().id());
            n.put("name", sl.landmark().name());
            n.put("reason", sl.reason());
            n.put("contradictions", sl.contradictions().size());
            n.put("peers_measured", sl.peersMeasured());
        }
        ArrayNode devices = root.putArray("devices");
        for (Entry e : entries) {
            ObjectNode n = devices.addObject();
            n.put("id", e.device().id());
            n.put("name", e.device().name());
            n.put("country", e.device().country());
            ObjectNode claim = n.putObject("claim");
            claim.put("latitude", e.claim().latitudeDegrees());
            claim.put("longitude", e.claim().longitudeDegrees());
            ArrayNode vs = n.putArray("verdicts");
            e.assessment().verdicts().forEach(v -> vs.add(v.name()));
            var ev = e.assessment().evidence();
            n.put("max_distance_km", round(ev.maxDistanceFromSite().km(), 1));
            n.put("area_km2", Math.round(ev.areaKm2()));
            n.put("landmarks_used", ev.measurementsUsed());
            n.put("operators_used", ev.operatorsUsed());
            if (!e.assessment().honestOnly().isEmpty()) {
                ArrayNode ho = n.putArray("proven_only_if_all_honest");
                e.assessment().honestOnly().forEach(v -> ho.add(v.name()));
            }
            ArrayNode bl = n.putArray("bounding_landmarks");
            for (Disc d : ev.boundingDiscs()) {
                ObjectNode b = bl.addObject();
                b.put("id", d.landmarkId());
                b.put("rtt_ms", round(d.roundTrip().millis(), 3));
                b.put("max_distance_km", round(d.maxDistance().km(), 1));
            }
            n.put("suspect_device", e.suspectDevice());
            if (!ev.undecided().isEmpty()) {
                ArrayNode u = n.putArray("undecided");
                ev.undecided().forEach(u::add);
            }
            if (!e.unsound().isEmpty()) {
                ArrayNode u = n.putArray("unsound");
                e.unsound().forEach(u::add);
            }
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException("cannot serialise the report", ex);
        }
    }

    /** A readable table and summary. */
    public void printTable(PrintStream out, boolean allRows) {
        out.printf(
                Locale.ROOT,
                "%-5s %-16s %-3s %-18s %-32s %10s %5s%n",
                "id",
                "device",
                "cc",
                "claim",
                "verdicts",
                "max km",
                "lmks");
        int shown = 0;
        for (Entry e : entries) {
            if (!allRows && shown >= 40) {
                break;
            }
            shown++;
            out.printf(
                    Locale.ROOT,
                    "%-5s %-16s %-3s %-18s %-32s %10.0f %5d%s%n",
                    e.device().id(),
                    trim(e.device().name(), 16),
                    e.device().country(),
                    e.claim(),
                    e.assessment().verdicts().stream().map(Enum::name).collect(Collectors.joining(",")),
                    e.assessment().evidence().maxDistanceFromSite().km(),
                    e.assessment().evidence().boundingDiscs().size(),
                    e.suspectDevice() ? "  (suspect position)" : "");
        }
        if (shown < entries.size()) {
            out.printf(Locale.ROOT, "... %d more rows (use --all or --json for every row)%n", entries.size() - shown);
        }
        out.println();
        out.println("Suspect landmarks (kept out of every verdict):");
        if (audit.suspects().isEmpty()) {
            out.println("  none");
        }
        for (SuspectLandmark sl : audit.suspects()) {
            out.printf(
                    Locale.ROOT,
                    "  %s %s: %s%n",
                    sl.landmark().id(),
                    sl.landmark().name(),
                    sl.reason());
        }
        Summary s = summary();
        out.println();
        out.printf(
                Locale.ROOT,
                "Speed bound %.3f km/ms (%s); restricted %s; zone %s; border margin %.0f km%n"
                        + "Tolerated liars: %s; mesh audit %s%n",
                policy.speed().kmPerMs(),
                policy.speed().provable()
                        ? "speed of light: verdicts are proofs"
                        : "below light speed: ESTIMATES, not proofs",
                policy.restricted(),
                zoneText(),
                policy.borderMargin().km(),
                policy.toleranceText(),
                deviceOutsideAudit
                        ? "without each device's own round trips (as for a customer chip)"
                        : "with every host, the device included");
        out.printf(
                Locale.ROOT,
                "Claims evaluated:            %d (%d devices, %d trusted landmarks)%n",
                s.entries(),
                s.devices(),
                trustedLandmarks);
        out.printf(
                Locale.ROOT,
                "Non-restricted, proven EXCLUDES_RESTRICTED: %d of %d (%.1f %%)%n",
                s.excludesRestricted(),
                s.nonRestrictedDevices(),
                100 * s.excludesRestrictedShare());
        out.printf(
                Locale.ROOT,
                "Restricted devices proven outside (must be 0): %d of %d%n",
                s.restrictedDevicesExcluded(),
                s.restrictedDevices());
        out.printf(
                Locale.ROOT,
                "IN_ZONE %d, OUTSIDE_ZONE %d, IN_RESTRICTED %d, INCONCLUSIVE %d, INCONSISTENT %d%n",
                s.inZone(),
                s.outsideZone(),
                s.inRestricted(),
                s.inconclusive(),
                s.inconsistent());
        out.printf(
                Locale.ROOT,
                "Unsound verdicts (must be 0): %d; undecided at resolution limit: %d%n",
                s.unsoundVerdicts(),
                s.undecided());
        out.printf(Locale.ROOT, "Verdicts per second (one core): %.0f%n", s.verdictsPerSecond());
    }

    private String zoneText() {
        return switch (policy.zone()) {
            case LicensedZone.Radius r ->
                String.format(
                        Locale.ROOT, "within %.0f km of the claim", r.radius().km());
            case LicensedZone.Countries c -> "countries " + c.codes();
        };
    }

    private static String trim(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "~";
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
